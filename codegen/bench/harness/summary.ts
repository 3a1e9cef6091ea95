/**
 * Order statistics of a case's samples: the median and the interquartile range
 * (p25–p75). Medians, not means: on a shared machine a few samples are hit by other
 * processes or by garbage collection, and the median ignores them.
 */

export interface Summary {
  /** The median sample. */
  median: number;
  /** The 25th percentile. */
  p25: number;
  /** The 75th percentile. */
  p75: number;
  /** The fastest sample. */
  min: number;
  /** How many samples the summary is taken over. */
  samples: number;
}

/** Summarises `values` (at least one); quantiles interpolate linearly between order statistics. */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new RangeError('summarize needs at least one sample.');
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min: sorted[0]!,
    samples: sorted.length,
  };
}

function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const weight = position - below;
  return sorted[below]! * (1 - weight) + sorted[above]! * weight;
}
