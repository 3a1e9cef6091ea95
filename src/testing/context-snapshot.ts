/**
 * `snapshotContext`: a frozen picture of an orchestration context at one moment, for
 * assertions made after the context has moved on.
 */
import type { OrchestrationContext } from '../orchestration-context.ts';
import type { SetStateStatus, StateResponseDetails } from '../response.ts';
import { copyState, type State } from '../state.ts';

/** What `snapshotContext` captures: copies, so later changes to the context never show. */
export interface ContextSnapshot {
  initialState: State | null;
  proposedState: State | null;
  validatedState: State | null;
  responseStatus: SetStateStatus;
  responseDetails: StateResponseDetails;
  /** A shallow copy of the parameters. */
  parameters: Record<string, unknown>;
  ruleSignature: string[];
  finalizationSignature: string[];
  orchestrationError: unknown;
}

/** Copies the context's states, response, parameters, signatures and orchestration error. Pure. */
export function snapshotContext(context: OrchestrationContext<any>): ContextSnapshot {
  return {
    initialState: copyOf(context.initialState),
    proposedState: copyOf(context.proposedState),
    validatedState: copyOf(context.validatedState),
    responseStatus: context.responseStatus,
    // Details objects are built once and never changed in place: sharing them is safe.
    responseDetails: context.responseDetails,
    parameters: { ...context.parameters },
    ruleSignature: [...context.ruleSignature],
    finalizationSignature: [...context.finalizationSignature],
    orchestrationError: context.orchestrationError,
  };
}

function copyOf(state: State | null): State | null {
  return state === null ? null : copyState(state);
}
