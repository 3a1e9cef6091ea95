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
  return new TypeError(
    `Unknown state ${describeState(state)} for policy ${policy}: expected one of ${states.join(', ')} or null.`,
  );
}

/**
 * `state` for the message, whatever it is: a string as a JSON literal, a primitive or
 * symbol as `String` writes it, an object by its own `toString` when that works, else
 * by its type. Never throws: a value whose conversion throws (or returns no string)
 * must still get the unknown-state `TypeError`, not its own error.
 */
function describeState(state: unknown): string {
  if (typeof state === 'string') return JSON.stringify(state);
  try {
    const shown: unknown = String(state);
    if (typeof shown === 'string') return shown;
  } catch {
    // an object without a usable toString: described by its type below
  }
  return `(a value of type ${typeof state})`;
}
