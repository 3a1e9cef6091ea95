/**
 * The bench's command line: `npm run -s bench -- [--quick] [--json <file>]
 * [--markdown <file>] [--svg <file>] [--only <section>[,<section>]]`. Unknown options are
 * errors that say what is accepted.
 */
import type { SectionId } from './report/bench-run.ts';

export interface BenchOptions {
  /** A short smoke run: few samples, small workloads. */
  quick: boolean;
  json: string | null;
  markdown: string | null;
  svg: string | null;
  /** The sections to run; all of them by default. The JSON needs all of them. */
  sections: readonly SectionId[];
}

const USAGE =
  'usage: npm run -s bench -- [--quick] [--json <file>] [--markdown <file>] [--svg <file>] ' +
  '[--only lookup,orchestration,orion,codegen]';

/** A command-line mistake: printed as its message alone, exit code 2. */
export class BenchUsageError extends Error {
  override name = 'BenchUsageError';
}

const ALL_SECTIONS: readonly SectionId[] = ['lookup', 'orchestration', 'orion', 'codegen'];

/** Parses `argv` (without node and the script); throws a usage error for anything unknown. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    quick: false,
    json: null,
    markdown: null,
    svg: null,
    sections: ALL_SECTIONS,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--'))
        throw new BenchUsageError(`${arg} needs a file name.\n${USAGE}`);
      return next;
    };
    if (arg === '--quick') options.quick = true;
    else if (arg === '--json') options.json = value();
    else if (arg === '--markdown') options.markdown = value();
    else if (arg === '--svg') options.svg = value();
    else if (arg === '--only') options.sections = parseSections(value());
    else throw new BenchUsageError(`Unknown option ${JSON.stringify(arg)}.\n${USAGE}`);
  }
  if (options.json !== null && options.sections.length !== ALL_SECTIONS.length) {
    throw new BenchUsageError(
      `--json writes every section of the contract; drop --only.\n${USAGE}`,
    );
  }
  return options;
}

function parseSections(list: string): SectionId[] {
  return list.split(',').map((name) => {
    if (!(ALL_SECTIONS as readonly string[]).includes(name)) {
      throw new BenchUsageError(
        `Unknown section ${JSON.stringify(name)} for --only: expected ${ALL_SECTIONS.join(', ')}.`,
      );
    }
    return name as SectionId;
  });
}
