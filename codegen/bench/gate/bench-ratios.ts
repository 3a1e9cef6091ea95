/**
 * The ratios a bench run reports per policy, and that the CI gate compares by default:
 * each a subject's median cost over a reference's, both measured side by side in one
 * run, so that they hold on a noisy machine where absolute times do not. Up is worse
 * for every one of them: the subject got slower relative to its reference.
 *
 * - lookups: `generated-code ÷ raw-array` and `generated-string ÷ raw-array` (what the
 *   generated module costs over the floor of a table lookup), `generated-code ÷
 *   dynamic-filter` (what is left of the filter's cost);
 * - whole transitions: `matrix ÷ dynamic-filter` (what the matrix leaves of a
 *   transition's cost through the filter).
 */
import type { BenchGroup, BenchRatio } from '../bench-report.ts';

const RATIO_PAIRS: Readonly<Record<BenchGroup['section'], readonly (readonly [string, string])[]>> =
  {
    lookup: [
      ['generated-code', 'raw-array'],
      ['generated-string', 'raw-array'],
      ['generated-code', 'dynamic-filter'],
    ],
    transition: [['matrix', 'dynamic-filter']],
  };

/** The ratios of `groups`, group by group in order, pairs in `RATIO_PAIRS` order. */
export function benchRatios(groups: readonly BenchGroup[]): BenchRatio[] {
  const ratios: BenchRatio[] = [];
  for (const group of groups) {
    for (const [subject, reference] of RATIO_PAIRS[group.section]) {
      const s = group.cases.find((c) => c.name === subject)?.summary;
      const r = group.cases.find((c) => c.name === reference)?.summary;
      if (s === undefined || r === undefined) continue;
      ratios.push({
        group: `${group.section}/${group.workload}`,
        subject,
        reference,
        ratio: s.median / r.median,
        low: s.p25 / r.p75,
        high: s.p75 / r.p25,
      });
    }
  }
  return ratios;
}
