/**
 * `policy-matrix check`: exit 0 when the output folder is fresh; exit 1 naming each
 * stale, missing or extra file and, per stale policy, the cells that differ.
 */
import { formatCellDifference } from '../check/cell-difference.ts';
import { check, type CheckResult } from '../check/check.ts';
import { formatProblems } from '../problem/problem.ts';
import type { CliIo } from './cli-io.ts';
import { plural } from './table.ts';

/** How many differing cells are printed per policy; the API returns all of them. */
export const CELLS_SHOWN = 40;

export async function checkCommand(io: CliIo, config: string | undefined): Promise<number> {
  const result = await check({ cwd: io.cwd, ...(config === undefined ? {} : { config }) });
  if (result.problems.length > 0) {
    io.err(`${formatProblems(result.problems)}\n`);
    return 1;
  }
  const report = formatCheckReport(result);
  (result.ok ? io.out : io.err)(`${report.join('\n')}\n`);
  return result.ok ? 0 : 1;
}

/** The report lines: each file that is not fresh with its differences, then a verdict. */
export function formatCheckReport(result: CheckResult): string[] {
  const lines: string[] = [];
  const bad = result.files.filter((file) => file.status !== 'fresh');
  for (const file of bad) {
    const policy = file.policy === undefined ? '' : ` (${file.policy})`;
    if (file.status === 'extra') {
      lines.push(`extra: ${file.path}: no policy generates it any more; generate removes it.`);
      continue;
    }
    if (file.status === 'missing') {
      lines.push(`missing: ${file.path}${policy}`);
      continue;
    }
    const differences = file.differences ?? [];
    lines.push(
      `stale: ${file.path}${policy}${differences.length > 0 ? `: ${plural(differences.length, 'cell')} differ${differences.length === 1 ? 's' : ''} (file → policy)` : ''}`,
    );
    for (const difference of differences.slice(0, CELLS_SHOWN))
      lines.push(`  ${formatCellDifference(difference)}`);
    if (differences.length > CELLS_SHOWN)
      lines.push(`  … and ${differences.length - CELLS_SHOWN} more cells`);
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
