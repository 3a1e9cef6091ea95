/**
 * A policy's matrix as rule names per `(from, to)` pair: the shape of one policy in
 * `dump --json` output, and what a generated module yields when its cells are mapped
 * to class names. Diffs take either this or a `PolicyModel`, so `check` can compare
 * the model in memory with what is on disk, and two dump files can be compared.
 */
import type { PolicyModel } from '../model/policy-model.ts';
import { policyCellRules } from '../report/policy-cell-rules.ts';

export interface CellTableCell {
  from: string | null;
  to: string | null;
  /** Rule class names, in priority order. */
  rules: readonly string[];
}

export interface CellTable {
  name: string;
  /** The universe in index order (state types, then `null`). */
  states: readonly (string | null)[];
  /** Every `(from, to)` pair once; a missing pair counts as "no such cell". */
  cells: readonly CellTableCell[];
}

/** The cell table of a model, row-major in universe order. Pure; throws as `policyCellRules` does. */
export function cellTableOf(policy: PolicyModel): CellTable {
  const size = policy.states.length;
  const cells = policyCellRules(policy).map((rules, flat) => ({
    from: policy.states[Math.floor(flat / size)] ?? null,
    to: policy.states[flat % size] ?? null,
    rules: rules.map((rule) => policy.rules[rule]?.name ?? ''),
  }));
  return { name: policy.name, states: policy.states, cells };
}

/** `source` as a cell table: models are converted, tables returned as they are. Pure. */
export function asCellTable(source: PolicyModel | CellTable): CellTable {
  return 'distinctCells' in source ? cellTableOf(source) : source;
}
