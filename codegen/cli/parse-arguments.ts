/**
 * Parsing the CLI's arguments: `<command> [positionals] [--config <file>] [--json]
 * [--dynamic] [--strict] [--diff-markdown <file>] [--out <dir>] [--timeout <seconds>]
 * [--help]`. Pure;
 * reports what is wrong as a usage error. `bench` has options of its own
 * (bench-arguments.ts).
 */
import { parseBenchArguments, type BenchArguments } from './bench-arguments.ts';

const COMMANDS = [
  'generate',
  'check',
  'watch',
  'explain',
  'dump',
  'report',
  'lint',
  'bench',
] as const;
type Command = (typeof COMMANDS)[number];

export interface ParsedArguments {
  /** `bench`'s own options (see bench-arguments.ts), set for the bench command. */
  bench?: BenchArguments;
  command: Command | 'help';
  positionals: string[];
  config: string | undefined;
  json: boolean;
  dynamic: boolean;
  /** Lint warnings count as errors (generate, check, lint). */
  strict: boolean;
  /** Where to write the cell diff as markdown (generate, check). */
  diffMarkdown: string | undefined;
  /** The report folder (report). */
  out: string | undefined;
  /** How long evaluating the policies may take, in seconds (every command). */
  timeout: number | undefined;
}

/** The options that take a value, what the value is, and the commands they apply to. */
const VALUE_OPTIONS = {
  '--config': { value: 'file', commands: undefined },
  '--diff-markdown': { value: 'file', commands: ['generate', 'check'] },
  '--out': { value: 'dir', commands: ['report'] },
  '--timeout': { value: 'seconds', commands: undefined },
} as const satisfies Record<string, { value: string; commands: readonly Command[] | undefined }>;

/** The flags and the commands they apply to. */
const FLAGS = {
  '--json': ['dump'],
  '--dynamic': ['dump'],
  '--strict': ['generate', 'check', 'lint'],
} as const satisfies Record<string, readonly Command[]>;

type ValueOption = keyof typeof VALUE_OPTIONS;
type Flag = keyof typeof FLAGS;

/** The parsed arguments, or a usage error message. */
export function parseArguments(argv: readonly string[]): ParsedArguments | { error: string } {
  const parsed: ParsedArguments = {
    command: 'help',
    positionals: [],
    config: undefined,
    json: false,
    dynamic: false,
    strict: false,
    diffMarkdown: undefined,
    out: undefined,
    timeout: undefined,
  };
  const benchAt = commandIndex(argv);
  if (benchAt >= 0 && argv[benchAt] === 'bench') {
    if (argv.includes('--help') || argv.includes('-h')) return parsed;
    const bench = parseBenchArguments([...argv.slice(0, benchAt), ...argv.slice(benchAt + 1)]);
    if ('error' in bench) return bench;
    return { ...parsed, command: 'bench', config: bench.config, timeout: bench.timeout, bench };
  }
  const given: string[] = [];
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return { ...parsed, command: 'help' };
    const equals = arg.indexOf('=');
    const name = arg.startsWith('--') && equals > 0 ? arg.slice(0, equals) : arg;
    if (Object.hasOwn(VALUE_OPTIONS, name)) {
      const option = VALUE_OPTIONS[name as ValueOption];
      const value = name === arg ? argv[++i] : arg.slice(equals + 1);
      if (value === undefined || value === '')
        return { error: `${name} needs a ${option.value}: ${name} <${option.value}>.` };
      if (name === '--timeout') {
        const seconds = Number(value);
        if (!/^\d*\.?\d+$/.test(value) || !(seconds > 0) || seconds > 86_400)
          return {
            error: `--timeout needs a positive number of seconds, got ${JSON.stringify(value)}.`,
          };
        parsed.timeout = seconds;
      } else if (name === '--config') parsed.config = value;
      else if (name === '--diff-markdown') parsed.diffMarkdown = value;
      else parsed.out = value;
      given.push(name);
    } else if (Object.hasOwn(FLAGS, arg)) {
      if (arg === '--json') parsed.json = true;
      else if (arg === '--dynamic') parsed.dynamic = true;
      else parsed.strict = true;
      given.push(arg);
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
  for (const option of given) {
    const commands: readonly Command[] | undefined = Object.hasOwn(FLAGS, option)
      ? FLAGS[option as Flag]
      : VALUE_OPTIONS[option as ValueOption].commands;
    if (commands !== undefined && !commands.includes(parsed.command)) {
      return {
        error: `${option} only applies to ${commands.length === 1 ? commands[0] : `${commands.slice(0, -1).join(', ')} and ${commands.at(-1)}`}.`,
      };
    }
  }
  return parsed;
}

/** The index of the command word: the first word that is neither an option nor an option's value. */
function commandIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '-') return i;
    if (Object.hasOwn(VALUE_OPTIONS, arg)) i++;
  }
  return -1;
}
