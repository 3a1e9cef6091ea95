import { describe, expect, it } from 'vitest';
import { cellKey } from '../../../codegen/report/cell-key.ts';
import { formatLocation } from '../../../codegen/report/format-location.ts';
import { EMPTY_FILL, heatmapFill, heatmapInk } from '../../../codegen/report/heatmap-palette.ts';
import { markdownCode, markdownText } from '../../../codegen/report/markdown-text.ts';
import { plainName, plainState } from '../../../codegen/report/plain-name.ts';
import { printableName } from '../../../codegen/report/printable-name.ts';
import { reportFileBase } from '../../../codegen/report/report-file-base.ts';
import { stateLabel } from '../../../codegen/report/state-label.ts';
import { xmlText } from '../../../codegen/report/xml-text.ts';

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

describe(printableName.name, () => {
  it('leaves printable names alone, astral characters included', () => {
    expect(printableName('RUNNING 🚀 é')).toBe('RUNNING 🚀 é');
  });

  it('escapes line breaks, controls, separators, non-characters and lone surrogates', () => {
    expect(printableName('a\nb\tc\rd\u0007e\u2028f\uffffg\ud800h\udc00')).toBe(
      'a\\nb\\tc\\rd\\u0007e\\u2028f\\uFFFFg\\uD800h\\uDC00',
    );
  });
});

describe(stateLabel.name, () => {
  it('shows null as ∅ and names as printable text', () => {
    expect(stateLabel(null)).toBe('∅');
    expect(stateLabel('a\nb')).toBe('a\\nb');
  });
});

describe(markdownCode.name, () => {
  it('fences with one backtick more than the longest run inside', () => {
    expect(markdownCode('a`b``c', false)).toBe('```a`b``c```');
  });

  it('pads content that starts or ends with a backtick or is wrapped in spaces', () => {
    expect(markdownCode('`x`', false)).toBe('`` `x` ``');
    expect(markdownCode(' x ', false)).toBe('`  x  `');
    expect(markdownCode(' x', false)).toBe('` x`');
    expect(markdownCode('   ', false)).toBe('`   `');
  });

  it('escapes pipes inside tables only', () => {
    expect(markdownCode('a|b', true)).toBe('`a\\|b`');
    expect(markdownCode('a|b', false)).toBe('`a|b`');
  });
});

describe(markdownText.name, () => {
  it('backslash-escapes markup, mentions, math and emoji shortcodes', () => {
    expect(markdownText('My_Policy$ *x* [a](b) <i> @team :smile: a|b #1 ~s~ &amp; !x \\')).toBe(
      'My\\_Policy\\$ \\*x\\* \\[a\\](b) \\<i\\> \\@team \\:smile\\: a\\|b \\#1 \\~s\\~ \\&amp; \\!x \\\\',
    );
  });
});

describe(xmlText.name, () => {
  it('escapes the five XML specials and makes forbidden characters visible', () => {
    expect(xmlText(`<a href="x">'&'</a>\u0001`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;\\u0001',
    );
  });
});

describe(plainName.name, () => {
  it('writes ordinary names as they are', () => {
    expect(plainName('CacheRetrieval')).toBe('CacheRetrieval');
    expect(plainName('IN PROGRESS')).toBe('IN PROGRESS');
  });

  it('quotes names that could be misread in a diff line', () => {
    expect(
      ['null', '', 'A → B', 'a,b', '[x]', 'k:v', ' pad', 'tab\t', 'q"', 'x\ny'].map(plainName),
    ).toEqual([
      '"null"',
      '""',
      '"A → B"',
      '"a,b"',
      '"[x]"',
      '"k:v"',
      '" pad"',
      '"tab\\t"',
      '"q\\""',
      '"x\\ny"',
    ]);
  });

  it('writes the null state as null', () => {
    expect(plainState(null)).toBe('null');
    expect(plainState('null')).toBe('"null"');
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
