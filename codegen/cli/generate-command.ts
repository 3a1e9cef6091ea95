/** `policy-matrix generate`: writes the output folder and prints one line per policy, then a total. */
import { generate } from '../generate/generate.ts';
import { formatProblems } from '../problem/problem.ts';
import type { WrittenFile } from '../write/write-output.ts';
import type { GeneratedPolicy } from '../generate/generate.ts';
import type { CliIo } from './cli-io.ts';
import { formatTable, plural } from './table.ts';

export async function generateCommand(io: CliIo, config: string | undefined): Promise<number> {
  const result = await generate({ cwd: io.cwd, ...(config === undefined ? {} : { config }) });
  if (!result.ok) {
    io.err(`${formatProblems(result.problems)} The output folder was not changed.\n`);
    return 1;
  }
  io.out(`${formatGenerateSummary(result.policies, result.files).join('\n')}\n`);
  return 0;
}

/** The summary lines: one per policy, removed files, then the total. */
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
    p.status,
  ]);
  const lines = formatTable(rows, new Set([1, 2, 3]));
  for (const file of files)
    if (file.policy === undefined && file.status !== 'unchanged')
      lines.push(`${file.path} ${file.status}`);
  const count = (status: string): number => files.filter((f) => f.status === status).length;
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
