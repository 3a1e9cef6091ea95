/**
 * How long `policy-matrix bench` samples. Measured on a shared 2-core machine: a full
 * run takes a few seconds per policy (so well within 2 minutes per 10 policies), and
 * `--quick` a fraction of a second per policy, so that the fixed cost of checking the
 * matrices are fresh dominates.
 */
import type { BenchPlan } from './measure/bench-request.ts';

export const FULL_PLAN: BenchPlan = {
  lookup: { sampleMs: 3, warmupRounds: 10, rounds: 100 },
  transition: { sampleMs: 5, warmupRounds: 5, rounds: 40 },
  lookupPairs: 4096,
  transitionPairs: 256,
};

export const QUICK_PLAN: BenchPlan = {
  lookup: { sampleMs: 0.5, warmupRounds: 3, rounds: 15 },
  transition: { sampleMs: 1, warmupRounds: 1, rounds: 6 },
  // Fewer pairs: a dynamic filter over hundreds of rules takes microseconds per lookup.
  lookupPairs: 1024,
  transitionPairs: 64,
};
