/**
 * The results of one bench run as plain data: every measured group of cases with its
 * summaries, and the machine it ran on. The table, the JSON contract, the markdown
 * report and the SVG chart are all rendered from one `BenchRun`, so they always show
 * the same run.
 */
import type { Environment } from '../../../codegen/bench/harness/environment.ts';
import type { MeasuredGroup as HarnessGroup } from '../../../codegen/bench/harness/measured-group.ts';

/** The sections of the JSON contract, in its order. */
export type SectionId = 'lookup' | 'orchestration' | 'orion' | 'codegen';

/** A measured group of one of the bench's sections. */
export type MeasuredGroup = HarnessGroup<SectionId>;

export interface BenchRun {
  readonly quick: boolean;
  readonly environment: Environment;
  readonly groups: readonly MeasuredGroup[];
  /** Facts worth printing under the table (setup checks, skipped cases and why). */
  readonly notes: readonly string[];
}
