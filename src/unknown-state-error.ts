import type { StateName } from './state-type.ts';

/**
 * The `TypeError` for a state that is not in a policy's universe, naming the state,
 * the policy and the valid states. Thrown by the dynamic filter and by generated
 * state indexers alike, so both fail the same way.
 */
export function unknownStateError(
  policy: string,
  state: unknown,
  states: readonly StateName[],
): TypeError {
  const shown = typeof state === 'string' ? JSON.stringify(state) : String(state);
  return new TypeError(
    `Unknown state ${shown} for policy ${policy}: expected one of ${states.join(', ')} or null.`,
  );
}
