/**
 * The CI gate: compares a run with a baseline run and says which cases got slower, by
 * how much, and whether that is more than `--fail-on` allows. By default it compares
 * the ratios each run measured side by side (see bench-ratios.ts), which hold on noisy
 * CI machines; with `absolute`, each case's median time. "Slower" is always `current ÷
 * baseline − 1` of a cost (a ratio or a time), so +50% means half as slow again.
 * Quartile ranges come with every figure, so a reader can tell noise from a regression:
 * `overlaps` says the two ranges overlap. A case fails only when it is slower by more
 * than the threshold and its range lies wholly above the baseline's: a move within the
 * quartiles of either run is noise on a shared machine, reported but never failing the
 * build. Pure.
 */
import type { BenchReport } from '../bench-report.ts';

export interface GateOptions {
  /** Fail when a case got slower by more than this many percent; undefined: report only. */
  failOnPercent?: number;
  /** Compare median times in ns instead of ratios measured in one run. */
  absolute?: boolean;
}

/** A figure with its range from the quartiles. */
export interface GateFigure {
  value: number;
  low: number;
  high: number;
}

export interface GateEntry {
  policy: string;
  /** `lookup/uniform generated-code ÷ raw-array`, or `lookup/uniform generated-code` with `absolute`. */
  name: string;
  baseline: GateFigure;
  current: GateFigure;
  /** `current ÷ baseline − 1`: positive when the case got slower. */
  change: number;
  /** Whether the quartile ranges of baseline and current overlap (the move may be noise). */
  overlaps: boolean;
  /** Slower by more than `failOnPercent`, with the quartile ranges apart. */
  fails: boolean;
}

export interface GateResult {
  entries: GateEntry[];
  /** Cases the baseline has and this run does not, or the other way round. */
  unmatched: string[];
  /** True when some entry fails. */
  failed: boolean;
}

export function compareWithBaseline(
  current: BenchReport,
  baseline: BenchReport,
  options: GateOptions = {},
): GateResult {
  const now = figures(current, options.absolute === true);
  const before = figures(baseline, options.absolute === true);
  const entries: GateEntry[] = [];
  const unmatched: string[] = [];
  for (const [key, figure] of now) {
    const base = before.get(key);
    if (base === undefined) {
      unmatched.push(`${key} (not in the baseline)`);
      continue;
    }
    const change = figure.value / base.value - 1;
    const [policy, name] = key.split('\u0000') as [string, string];
    entries.push({
      policy,
      name,
      baseline: base,
      current: figure,
      change,
      overlaps: figure.low <= base.high && base.low <= figure.high,
      fails:
        options.failOnPercent !== undefined &&
        change * 100 > options.failOnPercent &&
        figure.low > base.high,
    });
  }
  for (const key of before.keys()) {
    if (!now.has(key)) unmatched.push(`${key.replace('\u0000', ' ')} (not measured in this run)`);
  }
  return {
    entries,
    unmatched: unmatched.map((u) => u.replace('\u0000', ' ')),
    failed: entries.some((e) => e.fails),
  };
}

/** Every comparable figure of a run, keyed by policy and name. */
function figures(report: BenchReport, absolute: boolean): Map<string, GateFigure> {
  const map = new Map<string, GateFigure>();
  for (const policy of report.policies) {
    if (absolute) {
      for (const group of policy.groups) {
        for (const c of group.cases) {
          map.set(`${policy.name}\u0000${group.section}/${group.workload} ${c.name}`, {
            value: c.summary.median,
            low: c.summary.p25,
            high: c.summary.p75,
          });
        }
      }
    } else {
      for (const r of policy.ratios) {
        map.set(`${policy.name}\u0000${r.group} ${r.subject} ÷ ${r.reference}`, {
          value: r.ratio,
          low: r.low,
          high: r.high,
        });
      }
    }
  }
  return map;
}
