/** The CLI: dispatches a command line to its command and returns the exit code (2 for usage errors). */
import { checkCommand } from './check-command.ts';
import type { CliIo } from './cli-io.ts';
import { dumpCommand } from './dump-command.ts';
import { explainCommand } from './explain-command.ts';
import { generateCommand } from './generate-command.ts';
import { parseArguments } from './parse-arguments.ts';
import { USAGE } from './usage.ts';
import { watchCommand } from './watch-command.ts';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(argv);
  if ('error' in parsed) {
    io.err(`${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  switch (parsed.command) {
    case 'help':
      io.out(USAGE);
      return 0;
    case 'generate':
      return generateCommand(io, parsed.config);
    case 'check':
      return checkCommand(io, parsed.config);
    case 'watch':
      return watchCommand(io, parsed.config);
    case 'explain':
      return explainCommand(io, parsed.config, parsed.positionals);
    case 'dump':
      return dumpCommand(io, parsed.config, parsed.dynamic);
  }
}
