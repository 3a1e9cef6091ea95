/** `policy-matrix dump --json [--dynamic]`: the dump contract on standard output, nothing else. */
import { dump } from '../dump/dump.ts';
import { formatProblems } from '../problem/problem.ts';
import type { ConfigOptions } from '../config/load-config.ts';
import type { CliIo } from './cli-io.ts';

export async function dumpCommand(
  io: CliIo,
  source: ConfigOptions,
  dynamic: boolean,
): Promise<number> {
  const result = await dump({ ...source, dynamic });
  if (!result.ok || result.dump === undefined) {
    io.err(`${formatProblems(result.problems)}\n`);
    return 1;
  }
  io.out(`${JSON.stringify(result.dump, null, 2)}\n`);
  return 0;
}
