/** The CLI: dispatches a command line to its command and returns the exit code (2 for usage errors). */
import { checkCommand } from './check-command.ts';
import type { CliIo } from './cli-io.ts';
import { configSource } from './config-source.ts';
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
  const { strict, diffMarkdown } = parsed;
  const source = configSource(io, parsed);
  switch (parsed.command) {
    case 'help':
      io.out(USAGE);
      return 0;
    case 'generate':
      return generateCommand(io, { source, strict, diffMarkdown });
    case 'check':
      return checkCommand(io, { source, strict, diffMarkdown });
    case 'watch':
      return watchCommand(io, source);
    case 'explain':
      return explainCommand(io, source, parsed.positionals);
    case 'dump':
      return dumpCommand(io, source, parsed.dynamic);
    case 'report':
      return reportCommand(io, source, parsed.out);
    case 'lint':
      return lintCommand(io, source, strict);
  }
}
