import { describe, expect, it } from 'vitest';
import type { PolicyCellDiff } from '../../../codegen/diff/diff-policy-cells.ts';
import {
  formatCellChange,
  formatCellDiff,
  formatProjectCellDiff,
} from '../../../codegen/diff/format-cell-diff.ts';

const diff: PolicyCellDiff = {
  policy: 'CoreTaskPolicy',
  addedStates: ['WAITING'],
  removedStates: [],
  changes: [
    { from: 'RUNNING', to: 'COMPLETED', before: ['A', 'B'], after: ['A'] },
    { from: null, to: 'RUNNING', before: [], after: ['A'] },
    { from: 'WAITING', to: null, before: null, after: ['B'] },
  ],
};

describe(formatCellChange.name, () => {
  it('writes from → to: [before] → [after], null as null', () => {
    expect(diff.changes.map(formatCellChange)).toEqual([
      'RUNNING → COMPLETED: [A, B] → [A]',
      'null → RUNNING: [] → [A]',
      'WAITING → null: absent → [B]',
    ]);
  });

  it('quotes names that would make the line ambiguous', () => {
    expect(formatCellChange({ from: 'null', to: 'A → B', before: ['x,y'], after: [] })).toBe(
      '"null" → "A → B": ["x,y"] → []',
    );
  });
});

describe(formatCellDiff.name, () => {
  it('writes a header with the count and state changes, then one indented line per cell', () => {
    expect(formatCellDiff(diff, { indent: '  ' })).toBe(
      [
        '  CoreTaskPolicy: 3 cells differ; states added: WAITING',
        '    RUNNING → COMPLETED: [A, B] → [A]',
        '    null → RUNNING: [] → [A]',
        '    WAITING → null: absent → [B]',
      ].join('\n'),
    );
  });

  it('stops after the limit and says how many cells are left', () => {
    expect(
      formatCellDiff({ ...diff, addedStates: [], removedStates: ['OLD'] }, { limit: 1 }).split(
        '\n',
      ),
    ).toEqual([
      'CoreTaskPolicy: 3 cells differ; states removed: OLD',
      '  RUNNING → COMPLETED: [A, B] → [A]',
      '  … and 2 more cells',
    ]);
  });

  it('uses the singular for one cell', () => {
    expect(formatCellDiff({ ...diff, addedStates: [], changes: diff.changes.slice(0, 1) })).toBe(
      'CoreTaskPolicy: 1 cell differs\n  RUNNING → COMPLETED: [A, B] → [A]',
    );
  });
});

describe(formatProjectCellDiff.name, () => {
  it('lists added and removed policies, then each changed policy', () => {
    expect(
      formatProjectCellDiff({
        added: ['NewPolicy'],
        removed: ['OldPolicy'],
        changed: [{ ...diff, changes: diff.changes.slice(0, 1) }],
      }),
    ).toBe(
      [
        'added policy NewPolicy',
        'removed policy OldPolicy',
        'CoreTaskPolicy: 1 cell differs; states added: WAITING',
        '  RUNNING → COMPLETED: [A, B] → [A]',
      ].join('\n'),
    );
  });

  it('says so when nothing differs', () => {
    expect(formatProjectCellDiff({ added: [], removed: [], changed: [] })).toBe(
      'no policy cells differ',
    );
  });
});
