/**
 * `policy-matrix report [--out <dir>]`: writes the report (default `<outDir>/report/`)
 * and prints one line per file written or removed, then a total.
 */
import { formatProblems } from '../problem/problem.ts';
import { writeReport } from '../report/write-report.ts';
import type { ConfigOptions } from '../config/load-config.ts';
import type { CliIo } from './cli-io.ts';
import { plural } from './table.ts';

export async function reportCommand(
  io: CliIo,
  source: ConfigOptions,
  out: string | undefined,
): Promise<number> {
  const result = await writeReport({
    ...source,
    ...(out === undefined ? {} : { out }),
  });
  if (!result.ok) {
    io.err(`${formatProblems(result.problems)} The report folder was not changed.\n`);
    return 1;
  }
  const count = (status: string): number => result.files.filter((f) => f.status === status).length;
  const lines = result.files
    .filter((file) => file.status !== 'unchanged')
    .map((file) => `${file.path} ${file.status}`);
  lines.push(
    `Report in ${result.reportDir}/: ${plural(result.files.length - count('removed'), 'file')}; ` +
      `${count('created') + count('changed')} written, ${count('unchanged')} unchanged, ${count('removed')} removed.`,
  );
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
