/**
 * The two lookup workloads, as sequences of (from, to) pairs drawn with a fixed seed:
 *
 * - `uniform`: every pair of the policy's universe equally likely (all 100 pairs of the
 *   reference CoreTaskPolicy), the worst case for branch prediction;
 * - `lifecycle`: what an orchestrator sees, with 64 task runs in flight at once, each
 *   following a lifecycle of `TASK_LIFECYCLES` drawn by weight; at each step one run,
 *   picked at random, sends its next proposal.
 */
import { seededRandom, type StateName } from '../../../src/index.ts';
import { TASK_LIFECYCLES, type TaskLifecycle, type TransitionPair } from './task-lifecycles.ts';

/** Pairs drawn uniformly from `universe × universe`. */
export function uniformPairs(
  universe: readonly (StateName | null)[],
  count: number,
  seed: number,
): TransitionPair[] {
  const random = seededRandom(seed);
  const pick = (): StateName | null => universe[Math.floor(random.random() * universe.length)]!;
  return Array.from({ length: count }, () => [pick(), pick()] as const);
}

/** Pairs from `inFlight` interleaved task-run lifecycles. */
export function lifecyclePairs(count: number, seed: number, inFlight = 64): TransitionPair[] {
  const random = seededRandom(seed);
  const total = TASK_LIFECYCLES.reduce((sum, l) => sum + l.weight, 0);
  const drawLifecycle = (): TaskLifecycle => {
    let ticket = random.random() * total;
    for (const lifecycle of TASK_LIFECYCLES) {
      ticket -= lifecycle.weight;
      if (ticket < 0) return lifecycle;
    }
    return TASK_LIFECYCLES[TASK_LIFECYCLES.length - 1]!;
  };
  const runs = Array.from({ length: inFlight }, () => ({ lifecycle: drawLifecycle(), step: 0 }));
  const pairs: TransitionPair[] = [];
  while (pairs.length < count) {
    const run = runs[Math.floor(random.random() * runs.length)]!;
    pairs.push(run.lifecycle.pairs[run.step]!);
    run.step++;
    if (run.step === run.lifecycle.pairs.length) {
      run.lifecycle = drawLifecycle();
      run.step = 0;
    }
  }
  return pairs;
}
