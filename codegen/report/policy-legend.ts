/**
 * The legend of a policy's matrix: one entry per distinct non-empty rule sequence,
 * keyed A, B, … in order of first appearance when the matrix is read row by row. The
 * keys therefore depend only on the matrix, not on how the compiler ordered its
 * interned cells.
 */
import type { PolicyModel } from '../model/policy-model.ts';
import { cellKey } from './cell-key.ts';
import { policyCellRules } from './policy-cell-rules.ts';

/** One distinct rule sequence of a policy. */
interface LegendEntry {
  key: string;
  /** Indices into `policy.rules`, in priority order. */
  rules: readonly number[];
  /** How many cells of the matrix hold exactly this sequence. */
  cellCount: number;
}

export interface PolicyLegend {
  /** Non-empty sequences, in key order. */
  entries: readonly LegendEntry[];
  /** Per flat cell, the index of its entry in `entries`, or `-1` for an empty cell. */
  entryOfCell: readonly number[];
  /** How many cells are empty (no rule fires). */
  emptyCellCount: number;
}

/** Builds the legend of `policy`. Pure; throws as `policyCellRules` does. */
export function policyLegend(policy: PolicyModel): PolicyLegend {
  const entries: LegendEntry[] = [];
  const bySequence = new Map<string, number>();
  let emptyCellCount = 0;
  const entryOfCell = policyCellRules(policy).map((rules) => {
    if (rules.length === 0) {
      emptyCellCount += 1;
      return -1;
    }
    // Keyed by content, not by distinct-cell index, so a model that interned two equal
    // sequences separately still gets one key.
    const sequence = rules.join(',');
    let index = bySequence.get(sequence);
    if (index === undefined) {
      index = entries.length;
      bySequence.set(sequence, index);
      entries.push({ key: cellKey(index), rules, cellCount: 0 });
    }
    (entries[index] as LegendEntry).cellCount += 1;
    return index;
  });
  return { entries, entryOfCell, emptyCellCount };
}
