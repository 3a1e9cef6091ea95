/**
 * The command line of `policy-matrix bench`: `[--policy <Name>]... [--trace <file>]
 * [--quick] [--json <file>] [--markdown <file>] [--svg <file>] [--baseline <file>
 * [--fail-on <percent>] [--absolute]]`, plus the options every command takes
 * (`--config`, `--timeout`). Parsed on its own because `--json` takes a file here and
 * is a flag for `dump`. Pure; reports what is wrong as a usage error.
 */

export interface BenchArguments {
  policies: string[];
  trace: string | undefined;
  quick: boolean;
  json: string | undefined;
  markdown: string | undefined;
  svg: string | undefined;
  baseline: string | undefined;
  /** Exit 1 when a case got slower than the baseline by more than this many percent. */
  failOn: number | undefined;
  /** Compare median times instead of ratios measured in one run. */
  absolute: boolean;
  config: string | undefined;
  timeout: number | undefined;
}

const VALUES = {
  '--policy': 'Name',
  '--trace': 'file',
  '--json': 'file',
  '--markdown': 'file',
  '--svg': 'file',
  '--baseline': 'file',
  '--fail-on': 'percent',
  '--config': 'file',
  '--timeout': 'seconds',
} as const;

/** `argv` without the command word `bench`. */
export function parseBenchArguments(argv: readonly string[]): BenchArguments | { error: string } {
  const parsed: BenchArguments = {
    policies: [],
    trace: undefined,
    quick: false,
    json: undefined,
    markdown: undefined,
    svg: undefined,
    baseline: undefined,
    failOn: undefined,
    absolute: false,
    config: undefined,
    timeout: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--quick') {
      parsed.quick = true;
      continue;
    }
    if (arg === '--absolute') {
      parsed.absolute = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.startsWith('--') && equals > 0 ? arg.slice(0, equals) : arg;
    if (!Object.hasOwn(VALUES, name)) {
      return {
        error: arg.startsWith('-')
          ? `Unknown option ${arg} for bench.`
          : `bench takes no arguments besides options, got ${arg}.`,
      };
    }
    const what = VALUES[name as keyof typeof VALUES];
    const value = name === arg ? argv[++i] : arg.slice(equals + 1);
    if (value === undefined || value === '' || (name === arg && value.startsWith('--')))
      return { error: `${name} needs a ${what}: ${name} <${what}>.` };
    switch (name) {
      case '--policy':
        if (!parsed.policies.includes(value)) parsed.policies.push(value);
        break;
      case '--fail-on': {
        const percent = Number(value.replace(/%$/, ''));
        if (!/^\d*\.?\d+%?$/.test(value) || !Number.isFinite(percent))
          return {
            error: `--fail-on needs a percentage such as 20 (or 20%), got ${JSON.stringify(value)}.`,
          };
        parsed.failOn = percent;
        break;
      }
      case '--timeout': {
        const seconds = Number(value);
        if (!/^\d*\.?\d+$/.test(value) || !(seconds > 0) || seconds > 86_400)
          return {
            error: `--timeout needs a positive number of seconds, got ${JSON.stringify(value)}.`,
          };
        parsed.timeout = seconds;
        break;
      }
      default:
        parsed[name.slice(2) as 'trace' | 'json' | 'markdown' | 'svg' | 'baseline' | 'config'] =
          value;
    }
  }
  if (parsed.failOn !== undefined && parsed.baseline === undefined)
    return {
      error: '--fail-on compares with a baseline: add --baseline <file> (an earlier bench --json).',
    };
  if (parsed.absolute && parsed.baseline === undefined)
    return { error: '--absolute applies to the comparison with --baseline <file>.' };
  return parsed;
}
