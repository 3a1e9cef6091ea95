/**
 * A port of Prefect's `OrchestrationContext.safe_copy`, `entry_context` and
 * `exit_context`: what every rule hook call receives. Part of the benchmark's Prefect
 * port.
 *
 * Prefect copies the context (a shallow pydantic copy), each of the initial, proposed
 * and validated states (shallow copies whose timestamp is reset to now, because
 * `State.copy` fills `timestamp` from its default factory), and the parameters map. The
 * state details object stays shared, as in Prefect. This is
 * the cheaper of the two readings: the runtime's own `copy()` also copies the details.
 */
import type { OrchestrationContext, State } from '../../../src/index.ts';

/** Prefect's `safe_copy`: a shallow context copy with copied states and parameters. */
function safeCopy<C extends OrchestrationContext<any>>(context: C): C {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(context) as object) as C, context);
  copy.initialState = copyStateShallow(context, context.initialState);
  copy.proposedState = copyStateShallow(context, context.proposedState);
  copy.validatedState = copyStateShallow(context, context.validatedState);
  copy.parameters = { ...context.parameters };
  return copy;
}

/** Prefect's `entry_context`: (initial, proposed, context) from one safe copy. */
export function entryContext<C extends OrchestrationContext<any>>(
  context: C,
): [initial: State | null, proposed: State | null, context: C] {
  const copy = safeCopy(context);
  return [copy.initialState, copy.proposedState, copy];
}

/** Prefect's `exit_context`: (initial, validated, context) from one safe copy. */
export function exitContext<C extends OrchestrationContext<any>>(
  context: C,
): [initial: State | null, validated: State | null, context: C] {
  const copy = safeCopy(context);
  return [copy.initialState, copy.validatedState, copy];
}

/** Prefect's `State.copy()`: shallow, with the timestamp reset to now. */
function copyStateShallow(context: OrchestrationContext<any>, state: State | null): State | null {
  return state === null ? null : { ...state, timestamp: context.now() };
}
