/**
 * The opening of a benchmark run's markdown page, shared by `policy-matrix bench
 * --markdown` and this repository's `npm run bench -- --markdown`: the title, the
 * command that produced it, how the figures were sampled, and the machine with its
 * load before and after. Pure.
 */
import type { Environment } from '../harness/environment.ts';

export interface MarkdownRunHeader {
  title: string;
  /** The command line that produced the run, shown in code. */
  command: string;
  quick: boolean;
  /** What one interleaved set of cases is called in this report ("group", "section"). */
  unit: string;
  environment: Environment;
  /** Lines said after the sampling method (e.g. where the chart of the same run is). */
  more?: readonly string[];
}

/** The header's lines, ending with a blank line. */
export function markdownRunHeader(header: MarkdownRunHeader): string[] {
  const e = header.environment;
  return [
    `# ${header.title}`,
    '',
    `Produced by \`${header.command}\`${header.quick ? ' (a --quick smoke run: few samples, not for comparison)' : ''}.`,
    `Every case of a ${header.unit} ran in one process, interleaved round by round after warm-up;`,
    'figures are medians over the rounds, with the interquartile range (p25–p75).',
    ...(header.more ?? []),
    '',
    `* Node ${e.node} (V8 ${e.v8}), ${e.cpu} × ${e.cores}, ${e.platform}`,
    `* commit ${e.commit}, started ${e.startedAt}`,
    `* load before: \`${e.loadBefore}\``,
    `* load after: \`${e.loadAfter}\``,
    '',
  ];
}
