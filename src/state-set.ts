import type { StateName } from './state-type.ts';

/**
 * A rule's FROM or TO set: the state types it governs, possibly including `null`.
 * Membership is all the runtime and the compiler ever ask of it (`has`), so a set may
 * be any `ReadonlySet`, including `ANY_STATE`.
 */
export type StateSet = ReadonlySet<StateName | null>;

/** The empty set: the default FROM/TO of an `OrchestrationRule`, which therefore never fires. */
export const NO_STATES: StateSet = Object.freeze(new Set<StateName | null>());

/**
 * The set that contains every state of every state set, and `null`: the default FROM/TO
 * of a `UniversalTransform`, so that every policy listing a transform always includes it
 * (as in Prefect), whatever its state set. It enumerates no members: code that
 * lists a set's entries (error checks, reports) sees none, code that asks `has` sees all.
 */
export const ANY_STATE: StateSet = Object.freeze({
  has: () => true,
  size: Number.POSITIVE_INFINITY,
  forEach: () => undefined,
  entries: () => new Set<[StateName | null, StateName | null]>().values(),
  keys: () => new Set<StateName | null>().values(),
  values: () => new Set<StateName | null>().values(),
  [Symbol.iterator]: () => new Set<StateName | null>().values(),
  toString: () => 'ANY_STATE',
});

/** True when `set` is `ANY_STATE` (it contains everything and enumerates nothing). */
export function isAnyState(set: StateSet): boolean {
  return set === ANY_STATE;
}
