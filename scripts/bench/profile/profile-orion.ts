/**
 * A profiling driver for `node --cpu-prof`: runs the "orion" workload's transitions
 * (the real task rules and transforms, the in-memory store, OrionEngine with the
 * generated matrices) for a fixed number of reps, outside the sampler, so that a CPU
 * profile shows where a transition's time goes.
 *
 *   node --cpu-prof --cpu-prof-dir=.tmp/prof --import tsx scripts/bench/profile/profile-orion.ts [reps] [fresh|long-lived]
 *
 * Summarise the profile with `scripts/bench/profile/summarize-profile.ts`.
 */
import { loadGeneratedMatrices } from '../bench-modules.ts';
import { orionProfileRun } from '../orchestration/orion-cases.ts';

const reps = Number(process.argv[2] ?? 20_000);
const variant = process.argv[3] === 'long-lived' ? 'long-lived' : 'fresh';
const matrices = await loadGeneratedMatrices();
const { transitions, ns } = await orionProfileRun(
  { core: matrices.CoreTaskPolicyMatrix, global: matrices.GlobalTaskPolicyMatrix },
  reps,
  variant,
);
process.stderr.write(
  `${transitions} transitions (${variant}) in ${(ns / 1e6).toFixed(0)} ms (set-up excluded): ${(ns / transitions).toFixed(0)} ns each\n`,
);
