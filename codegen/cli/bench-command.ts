/**
 * `policy-matrix bench`: measures the project's generated matrices (see
 * codegen/bench/bench.ts), prints a table per policy, writes `--json`, `--markdown` and
 * `--svg`, and with `--baseline` compares with an earlier run: exit 1 when a case got
 * slower by more than `--fail-on` percent, beyond both runs' quartiles, and does so again
 * when its policy is measured a second time (or on a problem: a stale matrix, a bad
 * trace or baseline), 0 otherwise. A progress bar goes to standard error when it is a
 * terminal, nothing when it is not.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bench } from '../bench/bench.ts';
import { compareWithBaseline, type GateEntry } from '../bench/gate/compare-with-baseline.ts';
import { readBaseline } from '../bench/gate/read-baseline.ts';
import { renderGate } from '../bench/gate/render-gate.ts';
import { renderBenchMarkdown } from '../bench/report/render-bench-markdown.ts';
import { renderBenchSvg } from '../bench/report/render-bench-svg.ts';
import { renderBenchTable } from '../bench/report/render-bench-table.ts';
import type { ConfigOptions } from '../config/load-config.ts';
import { formatProblems } from '../problem/problem.ts';
import type { BenchArguments } from './bench-arguments.ts';
import type { CliIo } from './cli-io.ts';

const BAR_WIDTH = 30;

export async function benchCommand(
  io: CliIo,
  source: ConfigOptions,
  args: BenchArguments,
  argv: readonly string[],
): Promise<number> {
  const baselineFile =
    args.baseline === undefined ? undefined : path.resolve(io.cwd, args.baseline);
  const baseline =
    baselineFile === undefined ? undefined : readBaseline(baselineFile, args.baseline!);
  if (baseline !== undefined && baseline.problems.length > 0) {
    io.err(`${formatProblems(baseline.problems)}\n`);
    return 1;
  }
  let drawn = false;
  const result = await bench({
    ...source,
    policies: args.policies,
    quick: args.quick,
    ...(args.trace === undefined ? {} : { trace: args.trace }),
    onProgress: (done, total, what) => {
      if (io.errIsTerminal !== true) return;
      const filled = Math.round((done / Math.max(total, 1)) * BAR_WIDTH);
      io.err(
        `\r[${'#'.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${what}\u001b[K`,
      );
      drawn = true;
    },
  });
  if (drawn) io.err('\r\u001b[K');
  if (!result.ok || result.report === undefined) {
    io.err(`${formatProblems(result.problems)}\n`);
    return 1;
  }
  const report = result.report;
  io.out(renderBenchTable(report));
  const write = (file: string, text: string): void => {
    const absolute = path.resolve(io.cwd, file);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
    io.err(`wrote ${file}\n`);
  };
  if (args.json !== undefined) write(args.json, `${JSON.stringify(report, null, 2)}\n`);
  if (args.markdown !== undefined)
    write(args.markdown, renderBenchMarkdown(report, ['policy-matrix', ...argv].join(' ')));
  if (args.svg !== undefined) write(args.svg, renderBenchSvg(report));
  if (baseline?.baseline === undefined) return 0;
  const options = {
    ...(args.failOn === undefined ? {} : { failOnPercent: args.failOn }),
    absolute: args.absolute,
  };
  const gate = compareWithBaseline(report, baseline.baseline, options);
  io.out(`\n${renderGate(gate, options, args.baseline!)}`);
  if (!gate.failed) return 0;

  // A regression must show in two runs: on a shared machine one process can run with all
  // its ratios shifted beyond its own quartiles. The policies with a failing case are
  // measured once more, and only a case that fails both times fails the gate.
  const suspects = [...new Set(gate.entries.filter((e) => e.fails).map((e) => e.policy))];
  io.out(`Measuring ${suspects.join(', ')} again to confirm.\n`);
  const again = await bench({
    ...source,
    policies: suspects,
    quick: args.quick,
    ...(args.trace === undefined ? {} : { trace: args.trace }),
  });
  if (!again.ok || again.report === undefined) {
    io.err(`${formatProblems(again.problems)}\n`);
    return 1;
  }
  const second = compareWithBaseline(again.report, baseline.baseline, options);
  const key = (e: GateEntry): string => `${e.policy} ${e.name}`;
  const failedAgain = new Set(second.entries.filter((e) => e.fails).map(key));
  const confirmed = gate.entries.filter((e) => e.fails && failedAgain.has(key(e)));
  if (confirmed.length === 0) {
    io.out('gate: passed (the cases that failed did not fail when measured again).\n');
    return 0;
  }
  io.out(
    `gate: FAILED: confirmed when measured again: ${confirmed.map((e) => `${key(e)} (+${(e.change * 100).toFixed(0)}%)`).join('; ')}.\n`,
  );
  return 1;
}
