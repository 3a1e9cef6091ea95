/**
 * `validateTransition`: the validation step of an orchestration, shared by
 * `orchestrate` and the testing kit's `enterNest`, so that a hand-driven nest turns a
 * failed write into an ABORT exactly as the loop does.
 */
import { describeError } from './errors.ts';
import { isPromiseLike } from './maybe-promise.ts';
import type { OrchestrationContext } from './orchestration-context.ts';
import type { CommitState } from './commit-state.ts';
import { abortDetails, SetStateStatus } from './response.ts';
import type { State } from './state.ts';

/**
 * Calls `commit(context.proposedState, context)` and stores what it returns as
 * `context.validatedState` (`undefined` counts as null). When `commit` throws or
 * rejects, nothing is validated: the proposed state is cleared and the response
 * becomes ABORT with the reason "Error validating state: <error>"; no orchestration
 * error is recorded and nothing is thrown. Returns a promise only when `commit` did,
 * so a synchronous commit costs no microtask.
 */
export function validateTransition<C extends OrchestrationContext<any>>(
  context: C,
  commit: CommitState<C>,
): void | Promise<void> {
  let committed: State | null | undefined | Promise<State | null>;
  try {
    committed = commit(context.proposedState, context);
  } catch (error) {
    return abortOnValidationError(context, error);
  }
  if (!isPromiseLike(committed)) {
    context.validatedState = committed ?? null;
    return;
  }
  return Promise.resolve(committed).then(
    (state) => {
      context.validatedState = state ?? null;
    },
    (error: unknown) => abortOnValidationError(context, error),
  );
}

/** A write that failed validated nothing: ABORT, with the error described in the reason. */
function abortOnValidationError(context: OrchestrationContext<any>, error: unknown): void {
  context.proposedState = null;
  context.responseStatus = SetStateStatus.ABORT;
  context.responseDetails = abortDetails(`Error validating state: ${describeError(error)}`);
}
