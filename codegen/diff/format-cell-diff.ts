/**
 * Plain-text rendering of cell diffs, for terminals (`check`) and logs:
 *
 *     CoreTaskPolicy: 1 cell differs
 *       RUNNING → COMPLETED: [CacheInsertion, ReleaseTaskConcurrencySlots] → [ReleaseTaskConcurrencySlots]
 *
 * States appear in universe order; the null state is written `null`, and a name that
 * could be misread is quoted (see `plainName`). A cell that exists on one side only is
 * written `absent` on the other.
 */
import { plainName, plainState } from '../text/escape.ts';
import type { CellChange, PolicyCellDiff } from './diff-policy-cells.ts';
import type { ProjectCellDiff } from './diff-project-cells.ts';

export interface CellDiffFormatOptions {
  /** Prefix of every line (default none); change lines get two more spaces. */
  indent?: string;
  /** At most this many change lines per policy, then `… and N more cells` (default all). */
  limit?: number;
}

/** `RUNNING → COMPLETED: [A, B] → [A]`. Pure. */
export function formatCellChange(change: CellChange): string {
  return `${plainState(change.from)} → ${plainState(change.to)}: ${ruleList(change.before)} → ${ruleList(change.after)}`;
}

/**
 * What a policy's diff amounts to, without the policy's name: `3 cells differ`, plus
 * `; states added: X` and `; states removed: Y`. Pure.
 */
export function describeCellDiff(diff: PolicyCellDiff): string {
  const count = diff.changes.length;
  let summary =
    count === 0 ? 'no cells differ' : `${count} ${count === 1 ? 'cell differs' : 'cells differ'}`;
  if (diff.addedStates.length > 0)
    summary += `; states added: ${diff.addedStates.map(plainName).join(', ')}`;
  if (diff.removedStates.length > 0)
    summary += `; states removed: ${diff.removedStates.map(plainName).join(', ')}`;
  return summary;
}

/**
 * One line per changed cell (`formatCellChange`), each prefixed with `indent`; at most
 * `limit`, then `… and N more cells`. For callers that print their own header line
 * (`check`, `generate`). Pure.
 */
export function formatCellChanges(
  diff: PolicyCellDiff,
  options: CellDiffFormatOptions = {},
): string[] {
  const indent = options.indent ?? '';
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const count = diff.changes.length;
  const lines = diff.changes
    .slice(0, limit)
    .map((change) => `${indent}${formatCellChange(change)}`);
  if (count > limit)
    lines.push(`${indent}… and ${count - limit} more ${count - limit === 1 ? 'cell' : 'cells'}`);
  return lines;
}

/**
 * A policy's diff: a header line (`Policy: N cells differ`, plus added and removed
 * states, see `describeCellDiff`) and one indented line per changed cell. No trailing
 * newline. Pure.
 */
export function formatCellDiff(diff: PolicyCellDiff, options: CellDiffFormatOptions = {}): string {
  const indent = options.indent ?? '';
  const header = `${indent}${plainName(diff.policy)}: ${describeCellDiff(diff)}`;
  return [header, ...formatCellChanges(diff, { ...options, indent: `${indent}  ` })].join('\n');
}

/**
 * A project's diff: `added policy X` and `removed policy Y` lines, then each changed
 * policy as `formatCellDiff` writes it; `no policy cells differ` when nothing changed.
 * No trailing newline. Pure.
 */
export function formatProjectCellDiff(
  diff: ProjectCellDiff,
  options: CellDiffFormatOptions = {},
): string {
  const indent = options.indent ?? '';
  const lines = [
    ...diff.added.map((name) => `${indent}added policy ${plainName(name)}`),
    ...diff.removed.map((name) => `${indent}removed policy ${plainName(name)}`),
    ...diff.changed.map((policy) => formatCellDiff(policy, options)),
  ];
  return lines.length === 0 ? `${indent}no policy cells differ` : lines.join('\n');
}

function ruleList(rules: readonly string[] | null): string {
  return rules === null ? 'absent' : `[${rules.map(plainName).join(', ')}]`;
}
