/**
 * The markdown report of one policy: its source location, the from × to matrix with
 * the number of rules per cell and a key per distinct rule sequence, the legend of
 * those keys, and an index of its rules (priority position, where each fires, how
 * often, where it is defined). Renders on GitHub; deterministic (no timestamps, no
 * locale-dependent sorting), so a committed report is byte-identical across machines.
 */
import type { PolicyModel } from '../model/policy-model.ts';
import { formatLocation } from './format-location.ts';
import { markdownCode, markdownText, markupCommentText } from '../text/escape.ts';
import { policyCellRules } from './policy-cell-rules.ts';
import { reportBanner } from './report-mark.ts';
import { policyLegend } from './policy-legend.ts';
import { ruleCoverage, type CellRegion } from './rule-coverage.ts';
import { NULL_STATE_LABEL, stateLabel } from './state-label.ts';

export interface PolicyMarkdownOptions {
  /**
   * Relative path or URL of the policy's heatmap (from `renderPolicyHeatmap`), shown
   * under the heading when given; usually the sibling `<name>.svg`.
   */
  heatmapFile?: string;
}

/**
 * The markdown report of `policy`, ending with a newline. Pure; throws a `TypeError`
 * when the model is inconsistent (see `policyCellRules`).
 */
export function renderPolicyMarkdown(
  policy: PolicyModel,
  options: PolicyMarkdownOptions = {},
): string {
  const size = policy.states.length;
  const cellRules = policyCellRules(policy);
  const legend = policyLegend(policy);
  const coverage = ruleCoverage(policy);
  const maxRules = Math.max(...cellRules.map((rules) => rules.length));
  const state = (index: number) => stateMarkdown(policy.states[index] ?? null);
  const rule = (index: number) => markdownCode(policy.rules[index]?.name ?? '', true);
  const lines: string[] = [];

  const location = formatLocation(policy.location);
  lines.push(
    reportBanner(`of ${markupCommentText(policy.name)} (${markupCommentText(location)})`),
    `# ${markdownText(policy.name)}`,
    '',
    `- Defined at ${markdownCode(location, false)}.`,
    `- ${size} states (${size - 1} and ${NULL_STATE_LABEL}); ` +
      `${count(policy.priority.length, 'priority entry', 'priority entries')}, ` +
      `${count(policy.rules.length, 'distinct rule', 'distinct rules')}.`,
    `- ${count(legend.entries.length, 'distinct non-empty cell', 'distinct non-empty cells')}, ` +
      `${count(legend.emptyCellCount, 'empty cell', 'empty cells')}; ` +
      `at most ${count(maxRules, 'rule', 'rules')} in a cell.`,
  );
  if (options.heatmapFile !== undefined) {
    lines.push(
      '',
      `![Heatmap of the rules per transition of ${markdownText(policy.name)}](${linkTarget(options.heatmapFile)})`,
    );
  }

  lines.push(
    '',
    '## Transition matrix',
    '',
    'Rows are the initial state (*from*), columns the proposed state (*to*). Each cell gives the ' +
      'number of rules that fire for that transition, then the key of its rule sequence in the ' +
      `legend. ${NULL_STATE_LABEL} is \`null\`, no state: as *from*, the run has no state yet; ` +
      'as *to*, nothing is written. The command line and diffs write it `null`.',
    '',
    `| from ╲ to | ${policy.states.map((_, to) => state(to)).join(' | ')} |`,
    `| --- | ${policy.states.map(() => ':-:').join(' | ')} |`,
  );
  for (let from = 0; from < size; from += 1) {
    const row: string[] = [];
    for (let to = 0; to < size; to += 1) {
      const flat = from * size + to;
      const entry = legend.entries[legend.entryOfCell[flat] ?? -1];
      row.push(entry === undefined ? '0' : `${entry.rules.length} ${entry.key}`);
    }
    lines.push(`| ${state(from)} | ${row.join(' | ')} |`);
  }

  lines.push(
    '',
    '## Legend',
    '',
    'Each key names one rule sequence: the rules of a cell, in priority order (the order ' +
      'they are entered).',
    '',
    '| key | rules | cells | sequence |',
    '| :-: | --: | --: | --- |',
  );
  for (const entry of legend.entries) {
    lines.push(
      `| ${entry.key} | ${entry.rules.length} | ${entry.cellCount} | ${entry.rules.map(rule).join(', ')} |`,
    );
  }
  if (legend.emptyCellCount > 0) {
    lines.push(`| – | 0 | ${legend.emptyCellCount} | no rule fires |`);
  }

  lines.push(
    '',
    '## Rules',
    '',
    'In priority order. *Fires in* is read from the matrix: the from-states × the ' +
      'to-states of the cells that hold the rule.',
    '',
    '| # | rule | kind | fires in (from × to) | cells | keys | defined at |',
    '| --: | --- | --- | --- | --: | --- | --- |',
  );
  for (const covered of coverage) {
    const model = policy.rules[covered.rule];
    if (model === undefined) continue;
    lines.push(
      `| ${covered.positions.join(', ')} | ${rule(covered.rule)} | ${model.kind} | ` +
        `${regionMarkdown(covered.region, size, state)} | ${covered.cells.length} | ` +
        `${covered.keys.length === 0 ? '–' : covered.keys.join(', ')} | ` +
        `${markdownCode(formatLocation(model.location), true)} |`,
    );
  }
  if (coverage.length === 0) {
    lines.push('| – | no rules | | | 0 | – | |');
  }
  return `${lines.join('\n')}\n`;
}

/** A state in a table cell: a code span for a name, a bare `∅` for null. */
function stateMarkdown(state: string | null): string {
  return state === null ? NULL_STATE_LABEL : markdownCode(stateLabel(state), true);
}

function regionMarkdown(
  region: CellRegion,
  size: number,
  state: (index: number) => string,
): string {
  if (region.kind === 'product') {
    if (region.from.length === 0) return 'nowhere';
    return `${setMarkdown(region.from, size, state)} × ${setMarkdown(region.to, size, state)}`;
  }
  return region.rows
    .map((row) => `${state(row.from)} × ${setMarkdown(row.to, size, state)}`)
    .join('; ');
}

/**
 * A set of state indices: `any` for the whole universe, `any except {…}` when at most
 * three states are missing and they are fewer than half the members, else `{…}`.
 */
function setMarkdown(
  members: readonly number[],
  size: number,
  state: (index: number) => string,
): string {
  if (members.length === size) return 'any';
  const missing: number[] = [];
  for (let index = 0; index < size; index += 1) if (!members.includes(index)) missing.push(index);
  if (missing.length <= 3 && missing.length * 2 < members.length) {
    return `any except {${missing.map(state).join(', ')}}`;
  }
  return `{${members.map(state).join(', ')}}`;
}

function count(value: number, one: string, many: string): string {
  return `${value} ${value === 1 ? one : many}`;
}

/** A link destination that survives markdown: spaces, parentheses and `<>` encoded. */
function linkTarget(path: string): string {
  return encodeURI(path).replaceAll('(', '%28').replaceAll(')', '%29');
}
