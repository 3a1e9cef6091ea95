/**
 * Cell-by-cell differences between a generated module as it is on disk (read back by
 * importing it) and the policy as it is now. Pure.
 */
import type { InspectedPolicy } from '../inspect/compiled-inspection.ts';
import type { PolicyModel } from '../model/policy-model.ts';

export interface CellDifference {
  from: string | null;
  to: string | null;
  /** The rules the file has for this transition; `undefined` when it has no such cell. */
  actual: string[] | undefined;
  /** The rules the policy now gives it. */
  expected: string[];
}

/** Every cell of `expected`'s universe whose rules differ in `actual`, in universe order. */
export function cellDifferences(expected: PolicyModel, actual: InspectedPolicy): CellDifference[] {
  const size = expected.states.length;
  const oldSize = actual.states.length;
  const oldIndex = new Map(actual.states.map((state, index) => [state, index]));
  const differences: CellDifference[] = [];
  for (let f = 0; f < size; f++) {
    for (let t = 0; t < size; t++) {
      const from = expected.states[f] ?? null;
      const to = expected.states[t] ?? null;
      const want = (expected.distinctCells[expected.cells[f * size + t] as number] ?? []).map(
        (rule) => expected.rules[rule]?.name ?? '?',
      );
      const of = oldIndex.get(from);
      const ot = oldIndex.get(to);
      const have =
        of === undefined || ot === undefined
          ? undefined
          : actual.distinctCells[actual.cells[of * oldSize + ot] as number];
      if (
        have === undefined ||
        have.length !== want.length ||
        have.some((name, i) => name !== want[i])
      ) {
        differences.push({ from, to, actual: have, expected: want });
      }
    }
  }
  return differences;
}

/** `RUNNING → COMPLETED: [A, B] → [A]` (a cell the file lacks shows as `(no cell)`). */
export function formatCellDifference(difference: CellDifference): string {
  const state = (s: string | null): string => (s === null ? 'null' : s);
  const rules = (names: string[] | undefined): string =>
    names === undefined ? '(no cell)' : `[${names.join(', ')}]`;
  return `${state(difference.from)} → ${state(difference.to)}: ${rules(difference.actual)} → ${rules(difference.expected)}`;
}
