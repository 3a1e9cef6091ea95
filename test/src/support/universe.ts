/**
 * The reference universe as test data: the nine state types plus `null`, every
 * (from, to) pair of it, and small helpers to pick "some other type" for a pair.
 */
import { STATE_TYPES, type StateName, type StateType } from '../../../src/index.ts';

/** The nine reference types, then `null`: the orchestration universe in matrix order. */
export const UNIVERSE: readonly (StateType | null)[] = [...STATE_TYPES, null];

/** Every (from, to) pair of the universe, 100 in all, `null` included on both sides. */
export const ALL_PAIRS: readonly (readonly [StateType | null, StateType | null])[] =
  UNIVERSE.flatMap((from) => UNIVERSE.map((to) => [from, to] as const));

/** Every (from ∈ universe, to ∈ the nine types) pair: 90 pairs with a non-null proposal. */
export const PAIRS_WITH_PROPOSAL = ALL_PAIRS.filter(
  (pair): pair is readonly [StateType | null, StateType] => pair[1] !== null,
);

/** The first reference type that is none of `excluded`. */
export function otherType(...excluded: (StateName | null)[]): StateType {
  const found = STATE_TYPES.find((type) => !excluded.includes(type));
  if (found === undefined) throw new Error('No type left outside the excluded ones.');
  return found;
}

/** A set of the universe without `excluded` (a FROM or TO set that misses them). */
export function universeWithout(...excluded: (StateName | null)[]): ReadonlySet<StateName | null> {
  return new Set(UNIVERSE.filter((state) => !excluded.includes(state)));
}
