/**
 * What the sampler measures: a named case that runs its workload a given number of
 * times and folds what it computed into a number for the blackhole.
 *
 * Each case owns its loop (a separate function per case), so the JIT specialises every
 * loop to the one lookup or orchestration it drives: a shared loop calling a callback
 * per operation would measure a megamorphic call instead.
 */
export interface BenchCase {
  /** The case's name, as in the table and the JSON. */
  readonly name: string;
  /** Operations in one pass over the workload: lookups or transitions. */
  readonly opsPerRep: number;
  /**
   * Untimed set-up before each sample of `reps` passes, such as a fresh store holding
   * the runs the sample will drive. Optional.
   */
  prepare?(reps: number): void | Promise<void>;
  /** Runs `reps` passes over the workload; resolves to a value folded from every result. */
  run(reps: number): number | Promise<number>;
}
