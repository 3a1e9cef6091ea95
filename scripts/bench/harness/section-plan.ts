/**
 * How long each section samples, for a full run and for `--quick`. Full runs take
 * about a minute per ns section on a quiet 2-core machine; quick runs a few seconds and
 * only show that every case works.
 */
import type { SectionId } from '../report/bench-run.ts';
import type { SamplingPlan } from './sample-interleaved.ts';

const FULL: Record<SectionId, SamplingPlan> = {
  lookup: { sampleMs: 4, warmupRounds: 20, rounds: 200 },
  orchestration: { sampleMs: 10, warmupRounds: 20, rounds: 150 },
  codegen: { sampleMs: 0, warmupRounds: 1, rounds: 5, fixedReps: 1 },
};

const QUICK: Record<SectionId, SamplingPlan> = {
  lookup: { sampleMs: 1, warmupRounds: 3, rounds: 15 },
  orchestration: { sampleMs: 2, warmupRounds: 3, rounds: 15 },
  codegen: { sampleMs: 0, warmupRounds: 0, rounds: 2, fixedReps: 1 },
};

export function sectionPlan(section: SectionId, quick: boolean): SamplingPlan {
  return (quick ? QUICK : FULL)[section];
}
