/** The CLI: dispatches a command line to its command and returns the exit code (2 for usage errors). */
import { checkCommand } from './check-command.ts';
import type { CliIo } from './cli-io.ts';
import { dumpCommand } from './dump-command.ts';
import { explainCommand } from './explain-command.ts';
import { generateCommand } from './generate-command.ts';
import { lintCommand } from './lint-command.ts';
import { parseArguments } from './parse-arguments.ts';
import { reportCommand } from './report-command.ts';
import { USAGE } from './usage.ts';
import { watchCommand } from './watch-command.ts';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(argv);
  if ('error' in parsed) {
    io.err(`${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const { config, strict, diffMarkdown } = parsed;
  switch (parsed.command) {
    case 'help':
      io.out(USAGE);
      return 0;
    case 'generate':
      return generateCommand(io, { config, strict, diffMarkdown });
    case 'check':
      return checkCommand(io, { config, strict, diffMarkdown });
    case 'watch':
      return watchCommand(io, config);
    case 'explain':
      return explainCommand(io, config, parsed.positionals);
    case 'dump':
      return dumpCommand(io, config, parsed.dynamic);
    case 'report':
      return reportCommand(io, config, parsed.out);
    case 'lint':
      return lintCommand(io, config, strict);
  }
}
