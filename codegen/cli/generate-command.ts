/**
 * `policy-matrix generate [--strict] [--diff-markdown <file>]`: writes the output
 * folder and prints one line per policy (with the cells that changed under each
 * rewritten policy), the report folder's line, then a total; lint findings go to
 * standard error. Under `--strict` a lint warning stops it before anything is written.
 */
import path from 'node:path';
import { hasCellChanges } from '../diff/diff-policy-cells.ts';
import { describeCellDiff, formatCellChanges } from '../diff/format-cell-diff.ts';
import { generate, type GeneratedPolicy } from '../generate/generate.ts';
import { formatProblems } from '../problem/problem.ts';
import type { WrittenFile } from '../write/write-output.ts';
import type { ConfigOptions } from '../config/load-config.ts';
import type { CliIo } from './cli-io.ts';
import { writeDiffMarkdown } from './diff-markdown-file.ts';
import { formatLintOutput } from './lint-output.ts';
import { CELLS_SHOWN, formatTable, plural } from './table.ts';

export interface GenerateCommandOptions {
  source: ConfigOptions;
  strict: boolean;
  diffMarkdown: string | undefined;
}

export async function generateCommand(io: CliIo, options: GenerateCommandOptions): Promise<number> {
  const result = await generate({
    ...options.source,
    strict: options.strict,
  });
  const lint = formatLintOutput(result.lint, result.strict);
  if (!result.ok) {
    const lines =
      result.problems.length > 0
        ? [`${formatProblems(result.problems)} The output folder was not changed.`, ...lint]
        : [...lint, 'Nothing was written: lint found errors. The output folder was not changed.'];
    io.err(`${lines.join('\n')}\n`);
    return 1;
  }
  io.out(`${formatGenerateSummary(result.policies, result.files).join('\n')}\n`);
  const notes = [...lint];
  if (result.unmaintainedReport !== undefined) {
    notes.push(
      `note: ${result.unmaintainedReport}/ holds report files that generate no longer updates (report is off in the config); ` +
        'set report: true to keep them fresh, or delete them.',
    );
  }
  let code = 0;
  if (options.diffMarkdown !== undefined) {
    const uncompared = result.policies.flatMap((p) =>
      p.cellNote === undefined ? [] : [{ policy: p.name, note: p.cellNote }],
    );
    const written = writeDiffMarkdown(io.cwd, options.diffMarkdown, result.cellDiff, uncompared);
    if (written.ok) io.out(`${written.line}\n`);
    else {
      notes.push(written.line);
      code = 1;
    }
  }
  if (notes.length > 0) io.err(`${notes.join('\n')}\n`);
  return code;
}

/**
 * The summary lines: one per policy, each rewritten policy followed by its changed
 * cells (before → after), the other changed files, the report folder, then the total.
 */
export function formatGenerateSummary(
  policies: readonly GeneratedPolicy[],
  files: readonly WrittenFile[],
): string[] {
  const rows = policies.map((p) => [
    p.name,
    plural(p.states, 'state'),
    plural(p.rules, 'rule'),
    plural(p.distinctCells, 'distinct cell'),
    p.file,
    p.cellDiff !== undefined && hasCellChanges(p.cellDiff)
      ? `${p.status}: ${describeCellDiff(p.cellDiff)} (before → after)`
      : p.status,
  ]);
  const table = formatTable(rows, new Set([1, 2, 3]));
  const lines: string[] = [];
  policies.forEach((policy, index) => {
    lines.push(table[index] as string);
    if (policy.cellDiff !== undefined)
      lines.push(...formatCellChanges(policy.cellDiff, { indent: '  ', limit: CELLS_SHOWN }));
    if (policy.cellNote !== undefined) lines.push(`  cells not compared: ${policy.cellNote}`);
  });
  const report = files.filter((file) => file.report === true);
  for (const file of files)
    if (file.policy === undefined && file.report !== true && file.status !== 'unchanged')
      lines.push(`${file.path} ${file.status}`);
  const count = (status: string, among = files): number =>
    among.filter((f) => f.status === status).length;
  if (report.length > 0) {
    const folder = `${path.posix.dirname(report[0]?.path ?? '')}/`;
    lines.push(
      `Report in ${folder}: ${plural(report.length - count('removed', report), 'file')}; ` +
        `${count('created', report) + count('changed', report)} written, ${count('unchanged', report)} unchanged, ${count('removed', report)} removed.`,
    );
  }
  const written = count('created') + count('changed');
  lines.push(
    `${plural(policies.length, 'policy', 'policies')}, ${plural(
      policies.reduce((n, p) => n + p.rules, 0),
      'rule',
    )}, ` +
      `${plural(
        policies.reduce((n, p) => n + p.distinctCells, 0),
        'distinct cell',
      )}; ` +
      `${plural(written, 'file')} written, ${count('unchanged')} unchanged, ${count('removed')} removed.`,
  );
  return lines;
}
