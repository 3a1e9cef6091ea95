/**
 * How long each section samples, for a full run and for `--quick`. On the shared 2-core
 * bench machine a full run took about 2 minutes (lookup 10 s, orchestration 15 s, orion
 * 15 s plus about 2 s to build the long-lived store once, codegen 100 s: five rounds of
 * three compiler runs, one of them the 500-rule project); a quick run takes under a
 * minute and only shows that every case works.
 */
import type { SectionId } from './report/bench-run.ts';
import type { SamplingPlan } from '../../codegen/bench/harness/sample-interleaved.ts';

const FULL: Record<SectionId, SamplingPlan> = {
  lookup: { sampleMs: 4, warmupRounds: 20, rounds: 200 },
  orchestration: { sampleMs: 10, warmupRounds: 20, rounds: 150 },
  orion: { sampleMs: 10, warmupRounds: 20, rounds: 150 },
  codegen: { sampleMs: 0, warmupRounds: 1, rounds: 5, fixedReps: 1 },
};

const QUICK: Record<SectionId, SamplingPlan> = {
  lookup: { sampleMs: 1, warmupRounds: 3, rounds: 15 },
  orchestration: { sampleMs: 2, warmupRounds: 3, rounds: 15 },
  orion: { sampleMs: 2, warmupRounds: 3, rounds: 15 },
  codegen: { sampleMs: 0, warmupRounds: 0, rounds: 2, fixedReps: 1 },
};

export function sectionPlan(section: SectionId, quick: boolean): SamplingPlan {
  return (quick ? QUICK : FULL)[section];
}
