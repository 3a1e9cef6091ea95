import { describe, expect, it } from 'vitest';
import { cellTableOf } from '../../../codegen/diff/cell-table.ts';
import { diffPolicyCells, hasCellChanges } from '../../../codegen/diff/diff-policy-cells.ts';
import { buildPolicyModel, type RuleSpec } from '../report/build-policy-model.ts';

const rules: RuleSpec[] = [
  { name: 'Guard', from: ['RUNNING'], to: ['COMPLETED', 'FAILED'] },
  { name: 'Insert', from: 'any', to: ['COMPLETED'] },
];
const before = buildPolicyModel({
  name: 'TaskPolicy',
  states: ['RUNNING', 'COMPLETED', 'FAILED'],
  rules,
  priority: ['Guard', 'Insert'],
});

describe(diffPolicyCells.name, () => {
  it('finds nothing between equal matrices', () => {
    const diff = diffPolicyCells(before, structuredClone(before));
    expect(diff).toEqual({ policy: 'TaskPolicy', addedStates: [], removedStates: [], changes: [] });
    expect(hasCellChanges(diff)).toBe(false);
  });

  it('lists changed cells row by row in universe order, with both rule sequences', () => {
    const after = buildPolicyModel({
      name: 'TaskPolicy',
      states: ['RUNNING', 'COMPLETED', 'FAILED'],
      rules: [{ ...rules[0]!, to: ['COMPLETED', null] }, rules[1]!],
      priority: ['Insert', 'Guard'],
    });
    expect(diffPolicyCells(before, after).changes).toEqual([
      { from: 'RUNNING', to: 'COMPLETED', before: ['Guard', 'Insert'], after: ['Insert', 'Guard'] },
      { from: 'RUNNING', to: 'FAILED', before: ['Guard'], after: [] },
      { from: 'RUNNING', to: null, before: [], after: ['Guard'] },
    ]);
  });

  it('compares a model with a cell table, as check compares memory with disk', () => {
    const table = cellTableOf(before);
    expect(diffPolicyCells(table, before).changes).toEqual([]);
    const edited = {
      ...table,
      cells: table.cells.map((cell) =>
        cell.from === null && cell.to === null ? { ...cell, rules: ['Ghost'] } : cell,
      ),
    };
    expect(diffPolicyCells(edited, before).changes).toEqual([
      { from: null, to: null, before: ['Ghost'], after: [] },
    ]);
  });

  it('compares a generated module read back in its interned form', () => {
    const interned = {
      name: 'TaskPolicy',
      states: before.states,
      distinctCells: [[], ['Guard', 'Insert'], ['Guard'], ['Insert']],
      cells: [0, 1, 2, 0, 0, 3, 0, 0, 0, 3, 0, 0, 0, 3, 0, 0],
    };
    expect(diffPolicyCells(interned, before).changes).toEqual([]);
    expect(
      diffPolicyCells(
        { ...interned, cells: interned.cells.map((cell, flat) => (flat === 2 ? 0 : cell)) },
        before,
      ).changes,
    ).toEqual([{ from: 'RUNNING', to: 'FAILED', before: [], after: ['Guard'] }]);
  });

  it('rejects an interned table that does not fit its states', () => {
    const interned = {
      name: 'TaskPolicy',
      states: before.states,
      distinctCells: [[]],
      cells: [0, 1],
    };
    expect(() => diffPolicyCells(interned, before)).toThrow(
      'Cell table of TaskPolicy has 2 cells but 4 states need 16; the generated module is damaged: regenerate it.',
    );
    expect(() => diffPolicyCells({ ...interned, cells: Array(16).fill(3) }, before)).toThrow(
      'Cell table of TaskPolicy: cell 0 names distinct cell 3, but there are 1; the generated module is damaged: regenerate it.',
    );
  });

  it('reports added and removed states, and the cells that exist on one side only when they hold rules', () => {
    const after = buildPolicyModel({
      name: 'TaskPolicy',
      states: ['RUNNING', 'COMPLETED', 'PAUSED'],
      rules,
      priority: ['Guard', 'Insert'],
    });
    const diff = diffPolicyCells(before, after);
    expect(diff.addedStates).toEqual(['PAUSED']);
    expect(diff.removedStates).toEqual(['FAILED']);
    expect(diff.changes).toEqual([
      { from: 'RUNNING', to: 'FAILED', before: ['Guard'], after: null },
      { from: 'PAUSED', to: 'COMPLETED', before: null, after: ['Insert'] },
      { from: 'FAILED', to: 'COMPLETED', before: ['Insert'], after: null },
    ]);
    expect(hasCellChanges({ ...diff, changes: [] })).toBe(true);
  });

  it('keeps a state named "null" apart from the null state', () => {
    const named = buildPolicyModel({
      name: 'P',
      states: ['null'],
      rules: [{ name: 'R', from: [null], to: [null] }],
      priority: ['R'],
    });
    const moved = buildPolicyModel({
      name: 'P',
      states: ['null'],
      rules: [{ name: 'R', from: ['null'], to: ['null'] }],
      priority: ['R'],
    });
    expect(diffPolicyCells(named, moved).changes).toEqual([
      { from: 'null', to: 'null', before: [], after: ['R'] },
      { from: null, to: null, before: ['R'], after: [] },
    ]);
  });

  it('rejects a cell table that lists a pair twice', () => {
    const table = cellTableOf(before);
    const doubled = { ...table, cells: [...table.cells, table.cells[0]!] };
    expect(() => diffPolicyCells(doubled, before)).toThrow(
      'Cell table of TaskPolicy lists RUNNING → RUNNING twice; each (from, to) pair must appear once (as in `dump --json`).',
    );
  });
});

describe(cellTableOf.name, () => {
  it('lists every pair once, row-major, with rule names', () => {
    const table = cellTableOf(before);
    expect(table.cells).toHaveLength(16);
    expect(table.cells[1]).toEqual({
      from: 'RUNNING',
      to: 'COMPLETED',
      rules: ['Guard', 'Insert'],
    });
    expect(table.cells[15]).toEqual({ from: null, to: null, rules: [] });
  });
});
