/**
 * A measured result as plain data: the summaries of the cases of one workload, sampled
 * side by side. Every report (table, JSON, markdown, chart) is rendered from these, so
 * every rendering of a run shows the same figures.
 */
import type { Summary } from './summary.ts';

export interface MeasuredCase {
  readonly name: string;
  readonly summary: Summary;
  /** Extra facts shown next to the figure, such as the generated size. */
  readonly note?: string;
}

/** The cases of one section measured on one workload, side by side. */
export interface MeasuredGroup<S extends string = string> {
  /** The part of the run the group belongs to (a benchmark's section, a policy). */
  readonly section: S;
  /** The workload's name, e.g. `uniform`, `trace`, `lifecycle`, `machinery`. */
  readonly workload: string;
  /** What one operation is, for the table header: `lookup`, `transition`, `run`. */
  readonly per: string;
  /** The unit of every summary of the group. */
  readonly unit: 'ns' | 'ms';
  /** True for the group whose medians the repository bench's JSON contract reports. */
  readonly reported: boolean;
  /** One line saying what the workload is. */
  readonly description: string;
  readonly cases: readonly MeasuredCase[];
}
