/**
 * The request the bench sends to its measuring child process, and the answer: plain
 * data over IPC. The child imports the user's policies, generated modules, runtime and
 * config itself (one module graph, loaded with tsx), so that what it times is exactly
 * what the user's hot path imports.
 */
import type { BenchGroup } from '../bench-report.ts';
import type { SamplingPlan } from '../harness/sample-interleaved.ts';
import type { TracePair } from '../trace/read-trace.ts';

/** How long each kind of group samples. */
export interface BenchPlan {
  lookup: SamplingPlan;
  transition: SamplingPlan;
  /** Pairs in the uniform lookup workload, and the most pairs of a trace a lookup sample walks. */
  lookupPairs: number;
  /** Pairs in a whole-transition workload (each transition needs a context of its own). */
  transitionPairs: number;
}

export interface PolicyToMeasure {
  /** The policy's class name. */
  name: string;
  /** The config module that exports the policy class, absolute. */
  module: string;
  /** The name it is exported under. */
  exportName: string;
  /** Its generated module, absolute. */
  generated: string;
}

export interface BenchRequest {
  kind: 'bench';
  /**
   * The config file to read the `bench` section from, absolute; null when there is none
   * to read (no bench section, or a config given as an object).
   */
  configFile: string | null;
  /** The runtime module generated code imports (a file URL), for `orchestrate`. */
  runtime: string;
  policies: PolicyToMeasure[];
  /** The `--trace` pairs (checked against every policy's states), or null. */
  trace: TracePair[] | null;
  plan: BenchPlan;
}

export interface MeasuredPolicy {
  name: string;
  groups: BenchGroup[];
  /** Why whole transitions were not measured, when they were not. */
  transitionsSkipped?: string;
  /** Facts about this policy's workloads (pairs left out of whole transitions). */
  notes: string[];
  /** What went wrong, when the policy could not be measured; then `groups` is empty. */
  error?: string;
}

export interface BenchResponse {
  kind: 'bench';
  policies: MeasuredPolicy[];
  /** Set when nothing could be measured (a module failed to import). */
  error?: string;
}
