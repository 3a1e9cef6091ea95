/**
 * A policy's matrix as rule names per `(from, to)` pair: the shape of one policy in
 * `dump --json` output. Diffs take this, a `PolicyModel`, or the interned form a
 * generated module holds, so `check` can compare the model in memory with what is on
 * disk, and two dump files can be compared.
 */
import type { PolicyModel } from '../model/policy-model.ts';
import { policyCellRules } from '../report/policy-cell-rules.ts';

interface CellTableCell {
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

/**
 * A matrix as a generated module holds it: each distinct cell once as rule names, and
 * the flat row-major table of indices into them (what `check` reads back from disk).
 */
interface InternedCellTable {
  name: string;
  states: readonly (string | null)[];
  distinctCells: readonly (readonly string[])[];
  cells: readonly number[];
}

/** Any of the shapes a diff accepts. */
export type CellSource = PolicyModel | CellTable | InternedCellTable;

/**
 * `source` as a cell table: models and interned tables are expanded row-major, cell
 * tables returned as they are. Pure; throws a `TypeError` when an interned table's cells
 * do not fit its states.
 */
export function asCellTable(source: CellSource): CellTable {
  if ('rules' in source) return cellTableOf(source);
  if (!('distinctCells' in source)) return source;
  const size = source.states.length;
  if (source.cells.length !== size * size) {
    throw new TypeError(
      `Cell table of ${source.name} has ${source.cells.length} cells but ${size} states need ${size * size}; ` +
        'the generated module is damaged: regenerate it.',
    );
  }
  const cells = source.cells.map((distinct, flat) => {
    const rules = source.distinctCells[distinct];
    if (rules === undefined) {
      throw new TypeError(
        `Cell table of ${source.name}: cell ${flat} names distinct cell ${distinct}, but there are ` +
          `${source.distinctCells.length}; the generated module is damaged: regenerate it.`,
      );
    }
    return {
      from: source.states[Math.floor(flat / size)] ?? null,
      to: source.states[flat % size] ?? null,
      rules,
    };
  });
  return { name: source.name, states: source.states, cells };
}
