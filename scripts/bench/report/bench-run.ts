/**
 * The results of one bench run as plain data: every measured group of cases with its
 * summaries, and the machine it ran on. The table, the JSON contract, the markdown
 * report and the SVG chart are all rendered from one `BenchRun`, so they always show
 * the same run.
 */
import type { Summary } from '../harness/summary.ts';
import type { Environment } from './environment.ts';

/** The sections of the JSON contract, in its order. */
export type SectionId = 'lookup' | 'orchestration' | 'orion' | 'codegen';

export interface MeasuredCase {
  readonly name: string;
  readonly summary: Summary;
  /** Extra facts shown next to the figure, such as the generated size. */
  readonly note?: string;
}

/** The cases of one section measured on one workload, side by side. */
export interface MeasuredGroup {
  readonly section: SectionId;
  /** The workload's name, e.g. `uniform`, `lifecycle`, `machinery`, `orion`, `repo`. */
  readonly workload: string;
  /** What one operation is, for the table header: `lookup`, `transition`, `run`. */
  readonly per: string;
  /** The unit of every summary of the group. */
  readonly unit: 'ns' | 'ms';
  /** True for the group whose medians the JSON contract reports for its section. */
  readonly reported: boolean;
  /** One line saying what the workload is. */
  readonly description: string;
  readonly cases: readonly MeasuredCase[];
}

export interface BenchRun {
  readonly quick: boolean;
  readonly environment: Environment;
  readonly groups: readonly MeasuredGroup[];
  /** Facts worth printing under the table (setup checks, skipped cases and why). */
  readonly notes: readonly string[];
}
