import { describeError } from './errors.ts';
import { openScope } from './open-scope.ts';
import type { OrchestrationContext } from './orchestration-context.ts';
import { abortDetails, SetStateStatus, type OrchestrationResult } from './response.ts';
import type { RuleClass, TransitionScope } from './rule-class.ts';
import type { State } from './state.ts';

/**
 * Validation: writes the proposed state and returns the validated state. Called once,
 * innermost. With a state, it stores it as the run's new current state and returns the
 * stored state; with `null` ("write nothing") it returns the run's current state (or
 * null). Anything it throws becomes an ABORT (docs/orchestration-semantics.md#errors).
 */
export type CommitState<C> = (
  proposed: State | null,
  context: C,
) => State | null | Promise<State | null>;

export interface OrchestrateOptions<C extends OrchestrationContext<any>> {
  context: C;
  /** The policy's rules for the intended transition, in priority order. */
  rules: readonly RuleClass<C>[];
  /** The global policy's transforms for the intended transition, in order. */
  transforms?: readonly RuleClass<C>[];
  commit: CommitState<C>;
}

/**
 * Runs one orchestration (the loop of docs/orchestration-semantics.md): enters the rules in
 * priority order, then the transforms, validates innermost through `commit`, and exits
 * in reverse. The rule lists are taken as given, from a compiled matrix or from the
 * dynamic filter alike; the intended transition is read from the context.
 *
 * Returns `{ state, status, details }`. Re-throws a recorded orchestration error once
 * the nest has unwound; errors from after hooks, cleanups and transforms propagate
 * after the enclosing rules have run their exit logic.
 */
export async function orchestrate<C extends OrchestrationContext<any>>(
  options: OrchestrateOptions<C>,
): Promise<OrchestrationResult> {
  const { context, rules, transforms = [], commit } = options;
  const from = context.initialStateType;
  const to = context.proposedStateType;
  const entered: TransitionScope[] = [];
  let escaping: { error: unknown } | null = null;

  try {
    for (const Rule of rules) {
      const scope = openScope(Rule, context, from, to);
      const pending = scope.enter();
      if (pending !== undefined) await pending;
      entered.push(scope);
    }
    for (const Transform of transforms) {
      const scope = openScope(Transform, context, from, to);
      const pending = scope.enter();
      if (pending !== undefined) await pending;
      entered.push(scope);
    }
    const validating = validate(context, commit);
    if (validating !== undefined) await validating;
  } catch (error) {
    escaping = { error };
  }

  // Unwind like nested context managers: every entered scope exits, and an error
  // thrown while exiting replaces the one in flight.
  for (let i = entered.length - 1; i >= 0; i--) {
    try {
      const pending = entered[i]!.exit();
      if (pending !== undefined) await pending;
    } catch (error) {
      escaping = { error };
    }
  }

  if (escaping !== null) throw escaping.error;
  if (context.orchestrationError !== null) throw context.orchestrationError;
  return {
    state: context.validatedState,
    status: context.responseStatus,
    details: context.responseDetails,
  };
}

function validate<C extends OrchestrationContext<any>>(
  context: C,
  commit: CommitState<C>,
): void | Promise<void> {
  let committed: State | null | undefined | Promise<State | null>;
  try {
    committed = commit(context.proposedState, context);
  } catch (error) {
    return validationFailed(context, error);
  }
  // A synchronous commit (an in-memory store) costs no microtask. A commit that
  // returns nothing (undefined) validated nothing: normalised to null so that
  // "already validated" checks and the result agree.
  if (!isPromiseLike(committed)) {
    context.validatedState = committed ?? null;
    return;
  }
  return Promise.resolve(committed).then(
    (state) => {
      context.validatedState = state ?? null;
    },
    (error: unknown) => validationFailed(context, error),
  );
}

/** Validation threw: nothing is written, ABORT, and no orchestration error is recorded. */
function validationFailed(context: OrchestrationContext<any>, error: unknown): void {
  context.proposedState = null;
  context.responseStatus = SetStateStatus.ABORT;
  context.responseDetails = abortDetails(`Error validating state: ${describeError(error)}`);
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
