/**
 * The CLI: dispatches a command line to its command and returns the exit code (2 for
 * usage errors). Each command's module is loaded only when that command runs, so that
 * a command loads nothing it does not use (the start-up of a CLI run is mostly module
 * loading: ts-morph's TypeScript compiler, prettier, tsx).
 */
import type { CliIo } from './cli-io.ts';
import { configSource } from './config-source.ts';
import { parseArguments } from './parse-arguments.ts';
import { USAGE } from './usage.ts';

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
      return (await import('./generate-command.ts')).generateCommand(io, {
        source,
        strict,
        diffMarkdown,
      });
    case 'check':
      return (await import('./check-command.ts')).checkCommand(io, {
        source,
        strict,
        diffMarkdown,
      });
    case 'watch':
      return (await import('./watch-command.ts')).watchCommand(io, source);
    case 'explain':
      return (await import('./explain-command.ts')).explainCommand(io, source, parsed.positionals);
    case 'dump':
      return (await import('./dump-command.ts')).dumpCommand(io, source, parsed.dynamic);
    case 'report':
      return (await import('./report-command.ts')).reportCommand(io, source, parsed.out);
    case 'lint':
      return (await import('./lint-command.ts')).lintCommand(io, source, strict);
    case 'bench':
      return (await import('./bench-command.ts')).benchCommand(io, source, parsed.bench!, argv);
  }
}
