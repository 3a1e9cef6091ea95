import { describe, expect, it } from 'vitest';
import type { PolicyModel } from '../../../codegen/model/policy-model.ts';
import { policyCellRules } from '../../../codegen/report/policy-cell-rules.ts';
import { policyLegend } from '../../../codegen/report/policy-legend.ts';
import { cellRegion, ruleCoverage } from '../../../codegen/report/rule-coverage.ts';
import { buildPolicyModel } from './build-policy-model.ts';

const ticket = buildPolicyModel({
  name: 'TicketPolicy',
  states: ['QUEUED', 'ACTIVE', 'DONE'],
  rules: [
    { name: 'Guard', from: ['QUEUED', null], to: ['ACTIVE', 'DONE'] },
    { name: 'Finish', from: ['ACTIVE'], to: ['DONE'] },
    { name: 'Never', from: [], to: ['DONE'] },
  ],
  priority: ['Guard', 'Finish', 'Never', 'Finish'],
});

describe(policyCellRules.name, () => {
  it('resolves every cell to its rule indices', () => {
    const cells = policyCellRules(ticket);
    expect(cells).toHaveLength(16);
    expect(cells[0 * 4 + 1]).toEqual([0]);
    expect(cells[1 * 4 + 2]).toEqual([1, 1]);
    expect(cells[3 * 4 + 3]).toEqual([]);
  });

  const broken = (change: Partial<PolicyModel>) => ({ ...ticket, ...change });

  it.each([
    [
      'states that do not end with null',
      { states: ['QUEUED', 'ACTIVE', 'DONE', 'X'] },
      'its states must end with null',
    ],
    [
      'a short cell table',
      { cells: ticket.cells.slice(1) },
      'it has 15 cells but 4 states need 16',
    ],
    [
      'a cell naming a missing distinct cell',
      { cells: [99, ...ticket.cells.slice(1)] },
      'cell 0 names distinct cell 99',
    ],
    [
      'a distinct cell naming a missing rule',
      { distinctCells: [[7]] },
      'distinct cell 0 names rule 7, but there are 3 rules',
    ],
    [
      'a priority entry naming a missing rule',
      { priority: [0, 5] },
      'its priority list names rule 5',
    ],
  ])('rejects a model with %s, naming the policy', (_, change, problem) => {
    expect(() => policyCellRules(broken(change as Partial<PolicyModel>))).toThrow(
      `Policy model TicketPolicy is inconsistent: ${problem}`,
    );
  });
});

describe(policyLegend.name, () => {
  it('keys distinct non-empty cells in order of first appearance, row by row', () => {
    const legend = policyLegend(ticket);
    expect(legend.entries.map((entry) => [entry.key, entry.rules, entry.cellCount])).toEqual([
      ['A', [0], 4],
      ['B', [1, 1], 1],
    ]);
    expect(legend.emptyCellCount).toBe(11);
  });

  it('does not depend on the order the compiler interned distinct cells in', () => {
    const reversed = [...ticket.distinctCells].reverse();
    const last = ticket.distinctCells.length - 1;
    const shuffled = {
      ...ticket,
      distinctCells: reversed,
      cells: ticket.cells.map((cell) => last - cell),
    };
    expect(policyLegend(shuffled)).toEqual(policyLegend(ticket));
  });

  it('gives equal sequences interned twice one key', () => {
    const twice = {
      ...ticket,
      distinctCells: [...ticket.distinctCells, [0]],
      cells: ticket.cells.map((cell, flat) => (flat === 2 ? 3 : cell)),
    };
    expect(policyLegend(twice).entries).toHaveLength(2);
  });
});

describe(ruleCoverage.name, () => {
  it('lists priority positions, cells, region and legend keys per rule', () => {
    const [guard, finish, never] = ruleCoverage(ticket);
    expect(guard).toEqual({
      rule: 0,
      positions: [1],
      cells: [1, 2, 13, 14],
      region: { kind: 'product', from: [0, 3], to: [1, 2] },
      keys: ['A'],
    });
    expect(finish).toMatchObject({ positions: [2, 4], cells: [6], keys: ['B'] });
    expect(never).toEqual({
      rule: 2,
      positions: [3],
      cells: [],
      region: { kind: 'product', from: [], to: [] },
      keys: [],
    });
  });
});

describe(cellRegion.name, () => {
  it('lists rows separately when the cells are not a product', () => {
    expect(cellRegion([1, 2, 5], 3)).toEqual({
      kind: 'rows',
      rows: [
        { from: 0, to: [1, 2] },
        { from: 1, to: [2] },
      ],
    });
  });
});
