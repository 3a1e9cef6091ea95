/**
 * `requireState`: for rules whose reference implementation calls methods on a state
 * that may be absent. Where Prefect would fail with an attribute error on `None`, these
 * rules throw this explicit error instead: thrown in a before hook it becomes an ABORT
 * plus a re-thrown error (docs/orchestration-semantics.md#errors), exactly as in the reference.
 */
import { OrchestrationError } from '../errors.ts';
import type { State } from '../state.ts';

/** `state`, or an `OrchestrationError` naming the rule and which state was missing. */
export function requireState(
  state: State | null,
  rule: string,
  role: 'initial' | 'proposed',
): State {
  if (state === null) {
    throw new OrchestrationError(
      `${rule} needs a${role === 'initial' ? 'n initial' : ' proposed'} state, but the transition has none ` +
        `(a ${role === 'initial' ? 'run with no state' : 'null proposal'} is not supported by this rule).`,
    );
  }
  return state;
}
