/**
 * `policy-matrix check [--strict] [--diff-markdown <file>]`: exit 0 when the output
 * folder is fresh; exit 1 naming each stale, missing or extra file and, per stale
 * policy, the cells that differ. Lint findings go to standard error; under `--strict`
 * a lint warning fails the check too.
 */
import { hasCellChanges } from '../diff/diff-policy-cells.ts';
import { describeCellDiff, formatCellChanges } from '../diff/format-cell-diff.ts';
import { check, type CheckResult } from '../check/check.ts';
import { formatProblems } from '../problem/problem.ts';
import type { ConfigOptions } from '../config/load-config.ts';
import type { CliIo } from './cli-io.ts';
import { writeDiffMarkdown } from './diff-markdown-file.ts';
import { formatLintOutput } from './lint-output.ts';
import { CELLS_SHOWN, plural } from './table.ts';

export interface CheckCommandOptions {
  source: ConfigOptions;
  strict: boolean;
  diffMarkdown: string | undefined;
}

export async function checkCommand(io: CliIo, options: CheckCommandOptions): Promise<number> {
  const result = await check({
    ...options.source,
    strict: options.strict,
  });
  if (result.problems.length > 0) {
    io.err(`${formatProblems(result.problems)}\n`);
    return 1;
  }
  const report = formatCheckReport(result);
  const errors = formatLintOutput(result.lint, result.strict);
  let code = result.ok ? 0 : 1;
  if (options.diffMarkdown !== undefined) {
    const uncompared = result.files.flatMap((file) =>
      file.policy !== undefined && file.status === 'stale' && file.cellDiff === undefined
        ? [{ policy: file.policy, note: file.note ?? '' }]
        : [],
    );
    const written = writeDiffMarkdown(io.cwd, options.diffMarkdown, result.cellDiff, uncompared);
    if (written.ok) report.push(written.line);
    else {
      errors.push(written.line);
      code = 1;
    }
  }
  (result.fresh ? io.out : io.err)(`${report.join('\n')}\n`);
  if (errors.length > 0) io.err(`${errors.join('\n')}\n`);
  return code;
}

/** The report lines: each file that is not fresh with its differences, then a verdict. */
export function formatCheckReport(result: CheckResult): string[] {
  const lines: string[] = [];
  const bad = result.files.filter((file) => file.status !== 'fresh');
  for (const file of bad) {
    const policy = file.policy === undefined ? '' : ` (${file.policy})`;
    if (file.status === 'extra') {
      lines.push(
        `extra: ${file.path}${policy}: ${file.report === true ? 'no policy has this report' : 'no policy generates it'} any more; generate removes it.`,
      );
      continue;
    }
    if (file.status === 'missing') {
      lines.push(`missing: ${file.path}${policy}`);
      continue;
    }
    const diff = file.cellDiff;
    lines.push(
      `stale: ${file.path}${policy}${diff !== undefined && hasCellChanges(diff) ? `: ${describeCellDiff(diff)} (file → policy)` : ''}`,
    );
    if (diff !== undefined)
      lines.push(...formatCellChanges(diff, { indent: '  ', limit: CELLS_SHOWN }));
    if (file.note !== undefined) lines.push(`  ${file.note}`);
  }
  if (bad.length === 0) {
    lines.push(
      `check: ${plural(result.files.length, 'generated file')} in ${result.outDir}/ ${result.files.length === 1 ? 'is' : 'are'} fresh.`,
    );
  } else {
    lines.push(
      `check: ${bad.length} of ${plural(result.files.length, 'file')} out of date; run \`${result.regenerateCommand}\`.`,
    );
  }
  return lines;
}
