import { describe, expect, it } from 'vitest';
import { cellTableOf } from '../../../codegen/diff/cell-table.ts';
import {
  diffProjectCells,
  hasProjectCellChanges,
} from '../../../codegen/diff/diff-project-cells.ts';
import { buildPolicyModel } from '../report/build-policy-model.ts';

const policy = (name: string, to: string[]) =>
  buildPolicyModel({
    name,
    states: ['A', 'B'],
    rules: [{ name: 'R', from: ['A'], to }],
    priority: ['R'],
  });

describe(diffProjectCells.name, () => {
  it('lists added and removed policies by name and diffs the ones that changed', () => {
    const diff = diffProjectCells(
      { policies: [policy('Kept', ['B']), policy('Same', ['A']), policy('Old', ['A'])] },
      { policies: [policy('Same', ['A']), policy('New', ['A']), policy('Kept', ['A'])] },
    );
    expect(diff.added).toEqual(['New']);
    expect(diff.removed).toEqual(['Old']);
    expect(diff.changed.map((change) => change.policy)).toEqual(['Kept']);
    expect(hasProjectCellChanges(diff)).toBe(true);
  });

  it('accepts the parsed output of dump --json on either side', () => {
    const dumped = {
      policies: [{ ...cellTableOf(policy('Same', ['A'])), source: 'src/x.ts', priority: ['R'] }],
    };
    const diff = diffProjectCells(dumped, { policies: [policy('Same', ['A'])] });
    expect(hasProjectCellChanges(diff)).toBe(false);
  });

  it('sorts by code unit, not by locale', () => {
    const diff = diffProjectCells(
      { policies: [] },
      { policies: [policy('b', ['A']), policy('B', ['A']), policy('a', ['A'])] },
    );
    expect(diff.added).toEqual(['B', 'a', 'b']);
  });

  it('rejects a side with two policies of one name', () => {
    expect(() =>
      diffProjectCells({ policies: [policy('P', ['A']), policy('P', ['B'])] }, { policies: [] }),
    ).toThrow('The before project lists two policies named P; policy names must be unique.');
  });
});
