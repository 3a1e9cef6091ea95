/**
 * Turns a section's raw samples into measured cases, in the order the cases were
 * given, scaling nanoseconds to the group's unit.
 */
import type { BenchCase } from './bench-case.ts';
import type { MeasuredCase } from './measured-group.ts';
import type { Samples } from './sample-interleaved.ts';
import { summarize } from './summary.ts';

export function measuredCases(
  cases: readonly BenchCase[],
  samples: Samples,
  unit: 'ns' | 'ms',
  notes: Readonly<Record<string, string>> = {},
): MeasuredCase[] {
  const scale = unit === 'ms' ? 1e-6 : 1;
  return cases.map((c) => {
    const values = samples.get(c.name);
    if (values === undefined) throw new Error(`No samples were taken for case ${c.name}.`);
    const note = notes[c.name];
    return {
      name: c.name,
      summary: summarize(values.map((v) => v * scale)),
      ...(note === undefined ? {} : { note }),
    };
  });
}
