/**
 * What `policy-matrix bench` measured, as plain data: the value `bench()` resolves to
 * and, as JSON, what `--json <file>` writes and `--baseline <file>` reads back. Its
 * schema is documented in docs/bench-json.md (and docs/bench-json.schema.json); a change
 * that older readers would misread raises `BENCH_JSON_VERSION`.
 */
import type { Environment } from './harness/environment.ts';
import type { MeasuredGroup } from './harness/measured-group.ts';

/** The version of the bench JSON this package writes and reads. */
export const BENCH_JSON_VERSION = 1;

/** What a group measures: one lookup of a cell, or one whole orchestrated transition. */
export type BenchGroupKind = 'lookup' | 'transition';

/** A measured group; `section` is the kind of operation measured. */
export type BenchGroup = MeasuredGroup<BenchGroupKind>;

/**
 * A ratio of two medians of one group, measured side by side in one run, so that it
 * holds on a noisy machine where absolute times do not: the subject's cost over the
 * reference's. `low` and `high` are the ratio from the quartiles (subject p25 over
 * reference p75, subject p75 over reference p25): how far noise alone could move it.
 */
export interface BenchRatio {
  /** `lookup/uniform`: the group's kind and workload. */
  group: string;
  subject: string;
  reference: string;
  ratio: number;
  low: number;
  high: number;
}

export interface PolicyBench {
  /** The policy's class name. */
  name: string;
  /** The generated module measured, project-relative. */
  module: string;
  /** The universe's size, `null` included. */
  states: number;
  /** The distinct rules and transforms of its priority list. */
  rules: number;
  groups: BenchGroup[];
  /** The ratios the CI gate compares, in a fixed order. */
  ratios: BenchRatio[];
  /** Why whole transitions were not measured, when they were not. */
  transitionsSkipped?: string;
}

export interface BenchReport {
  version: typeof BENCH_JSON_VERSION;
  /** A `--quick` smoke run: few samples, not for comparison. */
  quick: boolean;
  /** The trace file given with `--trace`, project-relative; `null` when none. */
  trace: string | null;
  environment: Environment;
  policies: PolicyBench[];
  /** Facts worth printing under the table (what was left out, and why). */
  notes: string[];
}
