/**
 * Markdown rendering of a project's cell diff, for a pull-request comment: a summary,
 * the added and removed policies, and per changed policy a table of its changed cells
 * (collapsed in `<details>` when long). Names are escaped for GitHub; the null state
 * is written *null* (italic, outside code spans, so a state named "null" stays
 * distinct).
 */
import { markdownCode, markdownText, printableName } from '../text/escape.ts';
import type { PolicyCellDiff } from './diff-policy-cells.ts';
import type { ProjectCellDiff } from './diff-project-cells.ts';

export interface CellDiffMarkdownOptions {
  /** Heading of the comment (default `Policy matrix changes`). */
  title?: string;
  /** Tables with more rows than this are collapsed in `<details>` (default 20). */
  collapseAbove?: number;
  /** At most this many rows per policy, then a line saying how many were left out (default 200). */
  limit?: number;
}

/** The markdown comment for `diff`, ending with a newline. Pure. */
export function renderCellDiffMarkdown(
  diff: ProjectCellDiff,
  options: CellDiffMarkdownOptions = {},
): string {
  const title = options.title ?? 'Policy matrix changes';
  const lines = [`### ${markdownText(title)}`, ''];
  const { added, removed, changed } = diff;
  if (added.length + removed.length + changed.length === 0) {
    lines.push('No policy matrix changes.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `${count(added.length, 'policy', 'policies')} added, ${removed.length} removed, ${changed.length} changed.`,
  );
  if (added.length + removed.length > 0) lines.push('');
  if (added.length > 0)
    lines.push(
      `- Added: ${added.map((name) => markdownCode(printableName(name), false)).join(', ')}`,
    );
  if (removed.length > 0) {
    lines.push(
      `- Removed: ${removed.map((name) => markdownCode(printableName(name), false)).join(', ')}`,
    );
  }
  for (const policy of changed) lines.push('', ...policySection(policy, options));
  return `${lines.join('\n')}\n`;
}

function policySection(diff: PolicyCellDiff, options: CellDiffMarkdownOptions): string[] {
  const collapseAbove = options.collapseAbove ?? 20;
  const limit = options.limit ?? 200;
  const changes = diff.changes.length;
  const summary =
    changes === 0 ? 'no cells differ' : `${count(changes, 'cell differs', 'cells differ')}`;
  const lines = [`#### ${markdownCode(printableName(diff.policy), false)}: ${summary}`];
  const states: string[] = [];
  if (diff.addedStates.length > 0)
    states.push(`States added: ${diff.addedStates.map(stateInText).join(', ')}.`);
  if (diff.removedStates.length > 0)
    states.push(`States removed: ${diff.removedStates.map(stateInText).join(', ')}.`);
  if (states.length > 0) lines.push('', states.join(' '));
  if (changes === 0) return lines;

  const table = ['| from | to | before | after |', '| --- | --- | --- | --- |'];
  for (const change of diff.changes.slice(0, limit)) {
    table.push(
      `| ${stateInTable(change.from)} | ${stateInTable(change.to)} | ${rulesInTable(change.before)} | ${rulesInTable(change.after)} |`,
    );
  }
  if (changes > limit)
    table.push('', `… and ${count(changes - limit, 'more cell', 'more cells')}.`);
  if (changes > collapseAbove) {
    lines.push(
      '',
      '<details>',
      `<summary>${changes} changed cells</summary>`,
      '',
      ...table,
      '',
      '</details>',
    );
  } else {
    lines.push('', ...table);
  }
  return lines;
}

function stateInText(state: string): string {
  return markdownCode(printableName(state), false);
}

function stateInTable(state: string | null): string {
  return state === null ? '*null*' : markdownCode(printableName(state), true);
}

function rulesInTable(rules: readonly string[] | null): string {
  if (rules === null) return '*absent*';
  if (rules.length === 0) return '*none*';
  return rules.map((rule) => markdownCode(printableName(rule), true)).join(', ');
}

function count(value: number, one: string, many: string): string {
  return `${value} ${value === 1 ? one : many}`;
}
