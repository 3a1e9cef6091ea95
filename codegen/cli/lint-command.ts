/**
 * `policy-matrix lint [--strict]`: prints every lint finding, then the summary; exit 1
 * when a finding counts as an error (under `--strict`, every warning). Infos never fail.
 */
import { lint } from '../lint/lint.ts';
import { formatProblems } from '../problem/problem.ts';
import type { ConfigOptions } from '../config/load-config.ts';
import type { CliIo } from './cli-io.ts';
import { formatLintOutput } from './lint-output.ts';

export async function lintCommand(
  io: CliIo,
  source: ConfigOptions,
  strict: boolean,
): Promise<number> {
  const result = await lint({ ...source, strict });
  if (result.problems.length > 0) {
    io.err(`${formatProblems(result.problems)}\n`);
    return 1;
  }
  io.out(`${formatLintOutput(result.findings, strict, true).join('\n')}\n`);
  return result.ok ? 0 : 1;
}
