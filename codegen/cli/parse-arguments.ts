/**
 * Parsing the CLI's arguments: `<command> [positionals] [--config <file>] [--json]
 * [--dynamic] [--help]`. Pure; reports what is wrong as a usage error.
 */

export const COMMANDS = ['generate', 'check', 'watch', 'explain', 'dump'] as const;
export type Command = (typeof COMMANDS)[number];

export interface ParsedArguments {
  command: Command | 'help';
  positionals: string[];
  config: string | undefined;
  json: boolean;
  dynamic: boolean;
}

/** The parsed arguments, or a usage error message. */
export function parseArguments(argv: readonly string[]): ParsedArguments | { error: string } {
  const parsed: ParsedArguments = {
    command: 'help',
    positionals: [],
    config: undefined,
    json: false,
    dynamic: false,
  };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return { ...parsed, command: 'help' };
    if (arg === '--json') parsed.json = true;
    else if (arg === '--dynamic') parsed.dynamic = true;
    else if (arg === '--config' || arg.startsWith('--config=')) {
      const value = arg === '--config' ? argv[++i] : arg.slice('--config='.length);
      if (value === undefined || value === '')
        return { error: '--config needs a file: --config <file>.' };
      parsed.config = value;
    } else if (arg.startsWith('-') && arg !== '-') return { error: `Unknown option ${arg}.` };
    else words.push(arg);
  }
  const [command, ...positionals] = words;
  if (command === undefined || command === 'help') return parsed;
  if (!(COMMANDS as readonly string[]).includes(command)) {
    return { error: `Unknown command "${command}"; expected one of ${COMMANDS.join(', ')}.` };
  }
  parsed.command = command as Command;
  parsed.positionals = positionals;
  const expected = command === 'explain' ? 3 : 0;
  if (positionals.length !== expected) {
    return {
      error:
        command === 'explain'
          ? 'explain takes a policy and two states: explain <Policy> <from> <to> (null names no state).'
          : `${command} takes no arguments besides options, got ${positionals.join(' ')}.`,
    };
  }
  if (parsed.dynamic && command !== 'dump') return { error: '--dynamic only applies to dump.' };
  if (parsed.json && command !== 'dump') return { error: '--json only applies to dump.' };
  return parsed;
}
