/**
 * The measuring loop: every case of a section is sampled round by round, interleaved,
 * so that a change in machine load (other processes, thermal state, a GC-heavy
 * neighbour) lands on all cases alike instead of on whichever case happened to run at
 * that moment.
 *
 * Per section: calibrate the reps of each case so one sample lasts about `sampleMs`,
 * run untimed warm-up rounds (the JIT tiers up and the heap settles), calibrate again
 * on warm code, then record `rounds` rounds. Each round takes one sample of every case,
 * starting from a rotating position so that each case runs in each slot equally often.
 * A sample is the wall time of one `run(reps)` call from `process.hrtime.bigint()`,
 * divided by `reps × opsPerRep`: nanoseconds per operation (a case's `prepare` runs
 * before the clock starts). The value a case returns
 * goes to the blackhole, outside the timed region.
 *
 * Written by hand rather than with mitata: mitata 1 measures one function to
 * completion before starting the next (no interleaving), and calls the measured
 * function once per iteration, which for a 1 ns lookup would time the call, not the
 * lookup.
 */
import type { BenchCase } from './bench-case.ts';
import { consume } from './blackhole.ts';

export interface SamplingPlan {
  /** The target duration of one sample, in milliseconds. */
  sampleMs: number;
  /** Untimed rounds before recording. */
  warmupRounds: number;
  /** Recorded rounds; each yields one sample per case. */
  rounds: number;
  /** Fixed reps per sample (no calibration): for cases that take milliseconds each. */
  fixedReps?: number;
}

/** Samples per case, in nanoseconds per operation, keyed by case name. */
export type Samples = Map<string, number[]>;

/** Runs the plan over `cases`; `progress` is told after each recorded round. */
export async function sampleInterleaved(
  cases: readonly BenchCase[],
  plan: SamplingPlan,
  progress: (round: number) => void = () => undefined,
): Promise<Samples> {
  const names = new Set(cases.map((c) => c.name));
  if (names.size !== cases.length) throw new Error('Bench case names must be distinct.');
  const targetNs = plan.sampleMs * 1e6;
  const reps = new Map<BenchCase, number>();
  for (const c of cases) reps.set(c, plan.fixedReps ?? (await calibrate(c, targetNs, 1)));
  for (let round = 0; round < plan.warmupRounds; round++) {
    for (const c of rotated(cases, round)) await timeOnce(c, reps.get(c)!);
  }
  if (plan.fixedReps === undefined) {
    for (const c of cases) reps.set(c, await calibrate(c, targetNs, reps.get(c)!));
  }
  const samples: Samples = new Map(cases.map((c) => [c.name, []]));
  for (let round = 0; round < plan.rounds; round++) {
    for (const c of rotated(cases, round)) {
      const n = reps.get(c)!;
      samples.get(c.name)!.push((await timeOnce(c, n)) / (n * c.opsPerRep));
    }
    progress(round + 1);
  }
  return samples;
}

/** Nanoseconds taken by one `run(reps)`, promise settled included, after its untimed `prepare`. */
async function timeOnce(c: BenchCase, reps: number): Promise<number> {
  if (c.prepare !== undefined) await c.prepare(reps);
  const start = process.hrtime.bigint();
  const result = c.run(reps);
  const value = typeof result === 'number' ? result : await result;
  const elapsed = Number(process.hrtime.bigint() - start);
  consume(value);
  return elapsed;
}

/** Reps for one sample to last about `targetNs`, growing from `start`. */
async function calibrate(c: BenchCase, targetNs: number, start: number): Promise<number> {
  let reps = Math.max(1, start);
  for (;;) {
    const elapsed = await timeOnce(c, reps);
    if (elapsed >= targetNs / 4 || reps >= 1 << 30) {
      return Math.max(1, Math.round((reps * targetNs) / Math.max(elapsed, 1)));
    }
    reps *= elapsed > 0 ? Math.min(16, Math.max(2, Math.ceil(targetNs / 4 / elapsed))) : 16;
  }
}

function rotated<T>(items: readonly T[], round: number): T[] {
  const k = round % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}
