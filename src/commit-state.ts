import type { State } from './state.ts';

/**
 * Validation: writes the proposed state and returns the validated state. Called once,
 * innermost. With a state, it stores it as the run's new current state and returns the
 * stored state; with `null` ("write nothing") it returns the run's current state (or
 * null). Anything it throws (or a promise it returns rejects with) becomes an ABORT,
 * and the rules' exit logic still runs.
 *
 * A leaf module of its own, so that the orchestration loop and the validation step
 * both depend on it rather than on each other.
 */
export type CommitState<C> = (
  proposed: State | null,
  context: C,
) => State | null | Promise<State | null>;
