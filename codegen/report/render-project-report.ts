/**
 * All report files of a project: per policy a markdown report and its SVG heatmap,
 * plus a `README.md` index linking them (GitHub shows it when the folder is opened).
 * Pure: returns contents; writing them (atomically, only when changed) is the write
 * step's job.
 */
import type { PolicyModel, ProjectModel } from '../model/policy-model.ts';
import { formatLocation } from './format-location.ts';
import { markdownCode, markdownText } from '../text/escape.ts';
import { policyCellRules } from './policy-cell-rules.ts';
import { policyLegend } from './policy-legend.ts';
import { renderPolicyHeatmap } from './render-policy-heatmap.ts';
import { renderPolicyMarkdown } from './render-policy-markdown.ts';
import { reportFileBase } from './report-file-base.ts';
import { reportBanner } from './report-mark.ts';

/** One output file: a POSIX path relative to the report folder, and its content. */
export interface ReportFile {
  path: string;
  content: string;
}

export interface ProjectReportOptions {
  /** A policy's file name without extension (default `reportFileBase(policy.name)`). */
  fileBase?: (policy: PolicyModel) => string;
}

/**
 * `README.md`, then `<base>.md` and `<base>.svg` per policy in project order. Pure;
 * throws a `TypeError` when two policies map to one file name (naming both) or a model
 * is inconsistent.
 */
export function renderProjectReport(
  project: ProjectModel,
  options: ProjectReportOptions = {},
): ReportFile[] {
  const fileBase = options.fileBase ?? ((policy: PolicyModel) => reportFileBase(policy.name));
  const owners = new Map<string, string>();
  const bases = project.policies.map((policy) => {
    const base = fileBase(policy);
    const owner = owners.get(base);
    if (owner !== undefined) {
      throw new TypeError(
        `Policies ${owner} and ${policy.name} would both write the report ${base}.md; ` +
          'rename one of the classes (report files are named after the policy in kebab case).',
      );
    }
    owners.set(base, policy.name);
    return base;
  });

  const index = [
    reportBanner('index'),
    '# Policy matrices',
    '',
    'One report per policy: its transition matrix (rules per from × to cell), the rule ' +
      'sequences of its cells, and where each rule fires.',
    '',
    '| policy | states | priority entries | distinct non-empty cells | most rules in a cell | defined at |',
    '| --- | --: | --: | --: | --: | --- |',
  ];
  const files: ReportFile[] = [];
  project.policies.forEach((policy, at) => {
    const base = bases[at] as string;
    const most = Math.max(...policyCellRules(policy).map((rules) => rules.length));
    index.push(
      `| [${markdownText(policy.name)}](${encodeURI(`${base}.md`)}) | ${policy.states.length} | ` +
        `${policy.priority.length} | ${policyLegend(policy).entries.length} | ${most} | ` +
        `${markdownCode(formatLocation(policy.location), true)} |`,
    );
    files.push(
      { path: `${base}.md`, content: renderPolicyMarkdown(policy, { heatmapFile: `${base}.svg` }) },
      { path: `${base}.svg`, content: renderPolicyHeatmap(policy) },
    );
  });
  if (project.policies.length === 0) index.push('| – | | | | | |');
  return [{ path: 'README.md', content: `${index.join('\n')}\n` }, ...files];
}
