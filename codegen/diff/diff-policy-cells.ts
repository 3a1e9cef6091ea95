/**
 * The per-cell difference between two versions of a policy's matrix, as data: which
 * `(from, to)` cells hold a different rule sequence, and which states were added or
 * removed. Shared by `check` (stale policies), the report's pull-request comment and
 * any other caller; formatting lives in `format-cell-diff.ts`.
 */
import { plainState } from '../text/escape.ts';
import { asCellTable, type CellSource, type CellTable } from './cell-table.ts';

/** One changed cell. `null` for `before`/`after` means the cell does not exist on that side. */
export interface CellChange {
  from: string | null;
  to: string | null;
  before: readonly string[] | null;
  after: readonly string[] | null;
}

export interface PolicyCellDiff {
  /** The policy's name (the `after` side's). */
  policy: string;
  /** States in `after` but not in `before`, in `after` order. */
  addedStates: readonly string[];
  /** States in `before` but not in `after`, in `before` order. */
  removedStates: readonly string[];
  /**
   * Changed cells, row-major over the combined universe: `after`'s states, then the
   * removed states, then `null`. A cell that exists on one side only is listed when
   * it holds rules there (an added state's empty cells are covered by `addedStates`).
   */
  changes: readonly CellChange[];
}

/**
 * Compares the matrices of `before` and `after`, each a `PolicyModel`, a `CellTable`
 * (for example one policy of `dump --json`) or an `InternedCellTable` (a generated
 * module read back). Rule sequences compare by class name and order. Pure; throws a
 * `TypeError` when a table lists a cell twice or does not fit its states.
 */
export function diffPolicyCells(before: CellSource, after: CellSource): PolicyCellDiff {
  const old = asCellTable(before);
  const now = asCellTable(after);
  const oldCells = cellIndex(old);
  const newCells = cellIndex(now);
  const oldStates = old.states.filter((state): state is string => state !== null);
  const newStates = now.states.filter((state): state is string => state !== null);
  const addedStates = newStates.filter((state) => !oldStates.includes(state));
  const removedStates = oldStates.filter((state) => !newStates.includes(state));
  const order: (string | null)[] = [...newStates, ...removedStates, null];
  const changes: CellChange[] = [];
  for (const from of order) {
    for (const to of order) {
      const key = pairKey(from, to);
      const was = oldCells.get(key) ?? null;
      const is = newCells.get(key) ?? null;
      if (sameRules(was ?? [], is ?? [])) continue;
      changes.push({ from, to, before: was, after: is });
    }
  }
  return { policy: now.name, addedStates, removedStates, changes };
}

/** True when the diff records any change (cells or states). Pure. */
export function hasCellChanges(diff: PolicyCellDiff): boolean {
  return diff.changes.length > 0 || diff.addedStates.length > 0 || diff.removedStates.length > 0;
}

function cellIndex(table: CellTable): Map<string, readonly string[]> {
  const cells = new Map<string, readonly string[]>();
  for (const cell of table.cells) {
    const key = pairKey(cell.from, cell.to);
    if (cells.has(key)) {
      throw new TypeError(
        `Cell table of ${table.name} lists ${plainState(cell.from)} → ${plainState(cell.to)} twice; ` +
          'each (from, to) pair must appear once (as in `dump --json`).',
      );
    }
    cells.set(key, cell.rules);
  }
  return cells;
}

// JSON of the pair: unambiguous for any state names, and null stays distinct from "null".
function pairKey(from: string | null, to: string | null): string {
  return JSON.stringify([from, to]);
}

function sameRules(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((rule, index) => rule === b[index]);
}
