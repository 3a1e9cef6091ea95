import { describe, expect, it } from 'vitest';
import { cellKey } from '../../../codegen/report/cell-key.ts';
import { formatLocation } from '../../../codegen/report/format-location.ts';
import { EMPTY_FILL, heatmapFill, heatmapInk } from '../../../codegen/report/heatmap-palette.ts';
import { reportFileBase } from '../../../codegen/report/report-file-base.ts';
import { stateLabel } from '../../../codegen/report/state-label.ts';

describe(cellKey.name, () => {
  it('counts A to Z, then AA, AB, … like spreadsheet columns', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(cellKey)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('rejects a negative or fractional index', () => {
    expect(() => cellKey(-1)).toThrow('cellKey expects a non-negative integer index; got -1.');
    expect(() => cellKey(1.5)).toThrow(RangeError);
  });
});

describe(formatLocation.name, () => {
  it('writes file:line:column', () => {
    expect(formatLocation({ file: 'src/a.ts', line: 3, column: 14 })).toBe('src/a.ts:3:14');
  });
});

describe(stateLabel.name, () => {
  it('shows null as ∅ and names as printable text', () => {
    expect(stateLabel(null)).toBe('∅');
    expect(stateLabel('a\nb')).toBe('a\\nb');
  });
});

describe(reportFileBase.name, () => {
  it('converts class names to kebab case', () => {
    expect(
      ['CoreTaskPolicy', 'HTTPRetryPolicy', 'Hostile$Policy_', 'ÉtatPolicy', 'Policy2Go', '$'].map(
        reportFileBase,
      ),
    ).toEqual([
      'core-task-policy',
      'http-retry-policy',
      'hostile-policy',
      'tat-policy',
      'policy2-go',
      'policy',
    ]);
  });
});

describe(heatmapFill.name, () => {
  it('gives zero a neutral fill unlike any count', () => {
    expect(heatmapFill(0, 8)).toBe(EMPTY_FILL);
    for (let count = 1; count <= 8; count += 1) expect(heatmapFill(count, 8)).not.toBe(EMPTY_FILL);
  });

  it('runs from the light end at one rule to the dark end at the maximum', () => {
    expect(heatmapFill(1, 8)).toBe('#c7e9b4');
    expect(heatmapFill(8, 8)).toBe('#081d58');
    expect(heatmapFill(1, 1)).toBe('#c7e9b4');
  });

  it('darkens monotonically with the count', () => {
    const luminance = (hex: string) =>
      [1, 3, 5].reduce((sum, at) => sum + Number.parseInt(hex.slice(at, at + 2), 16), 0);
    const fills = Array.from({ length: 20 }, (_, index) => heatmapFill(index + 1, 20));
    for (let index = 1; index < fills.length; index += 1) {
      expect(luminance(fills[index]!)).toBeLessThan(luminance(fills[index - 1]!));
    }
  });
});

describe(heatmapInk.name, () => {
  it('writes dark ink on light fills, white on dark ones, grey on empty cells', () => {
    expect(heatmapInk(heatmapFill(1, 8))).toBe('#1a1a1a');
    expect(heatmapInk(heatmapFill(8, 8))).toBe('#ffffff');
    expect(heatmapInk(EMPTY_FILL)).toBe('#6e6e6e');
  });
});
