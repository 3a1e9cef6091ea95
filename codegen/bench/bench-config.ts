/**
 * The `bench` section of the config: how `policy-matrix bench` builds a whole
 * transition, so that it can time `orchestrate` with the user's own rules, fed by the
 * generated matrix and by the dynamic filter. Without it the bench measures lookups
 * only: it never runs a user's hooks on a context it invented.
 */

/** One transition to orchestrate: the context `orchestrate` reads and changes, and the commit. */
export interface BenchTransition {
  /** A fresh `OrchestrationContext` (or subclass) whose initial and proposed state types are `from` and `to`. */
  context: unknown;
  /** The commit function `orchestrate` validates with (see `CommitState`). */
  commit: (...args: any[]) => unknown;
}

export interface BenchConfig {
  /**
   * Builds a fresh transition from `from` to `to` (`null`: no state) for `policy` (its
   * class name). Called untimed, once per transition timed, so each orchestration gets
   * a context of its own. Return `undefined` for a pair your system never orchestrates:
   * it is left out of the whole-transition workload (and counted in the output).
   */
  transition(
    from: string | null,
    to: string | null,
    policy: string,
  ): BenchTransition | undefined | null;
}
