/**
 * Where each rule of a policy fires, read from the matrix (the compiled truth), not
 * recomputed from FROM/TO: its priority positions, the cells that hold it, and those
 * cells summarised as a region of the from × to grid.
 */
import type { PolicyModel } from '../model/policy-model.ts';
import { policyCellRules } from './policy-cell-rules.ts';
import { policyLegend } from './policy-legend.ts';

/**
 * A set of cells. A rule fires in FROM × TO, so its cells are normally a `product` of
 * a set of rows (from-state indices) and a set of columns (to-state indices); `rows`
 * lists each row's columns when they differ from row to row, which only a hand-built
 * or broken model produces. Indices are in universe order.
 */
export type CellRegion =
  | { kind: 'product'; from: readonly number[]; to: readonly number[] }
  | { kind: 'rows'; rows: readonly { from: number; to: readonly number[] }[] };

export interface RuleCoverage {
  /** Index into `policy.rules`. */
  rule: number;
  /** 1-based positions in the priority list (more than one when it is listed twice). */
  positions: readonly number[];
  /** Flat cell indices where the rule fires, ascending. */
  cells: readonly number[];
  region: CellRegion;
  /** Legend keys of the distinct cells holding the rule, in key order. */
  keys: readonly string[];
}

/** The coverage of every rule of `policy`, in `policy.rules` order. Pure. */
export function ruleCoverage(policy: PolicyModel): RuleCoverage[] {
  const size = policy.states.length;
  const cellRules = policyCellRules(policy);
  const legend = policyLegend(policy);
  return policy.rules.map((_, rule) => {
    const positions = policy.priority.flatMap((listed, position) =>
      listed === rule ? [position + 1] : [],
    );
    const cells = cellRules.flatMap((rules, flat) => (rules.includes(rule) ? [flat] : []));
    const keys = legend.entries
      .filter((entry) => entry.rules.includes(rule))
      .map((entry) => entry.key);
    return { rule, positions, cells, region: cellRegion(cells, size), keys };
  });
}

/** Summarises flat cell indices of a `size × size` matrix as a region. Pure. */
export function cellRegion(cells: readonly number[], size: number): CellRegion {
  const rows = new Map<number, number[]>();
  for (const flat of cells) {
    const from = Math.floor(flat / size);
    const columns = rows.get(from) ?? [];
    columns.push(flat % size);
    rows.set(from, columns);
  }
  const list = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([from, to]) => ({ from, to: [...to].sort((a, b) => a - b) }));
  const first = list[0]?.to.join(',');
  if (list.every((row) => row.to.join(',') === first)) {
    return { kind: 'product', from: list.map((row) => row.from), to: list[0]?.to ?? [] };
  }
  return { kind: 'rows', rows: list };
}
