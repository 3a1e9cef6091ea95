/**
 * State types: the reference set (Prefect's nine `StateType`s), the terminal set and
 * the orchestration universe (docs/orchestration-semantics.md#states-and-the-universe).
 *
 * A policy may declare its own state set (any list of distinct non-empty strings), so
 * everything that handles states in general takes a `StateName` (a string); the
 * reference types are the default state set. `null` means "no state" and is part of
 * every policy's universe.
 */

/** The reference state types, in declaration order. Values equal the member names. */
export const StateType = {
  SCHEDULED: 'SCHEDULED',
  PENDING: 'PENDING',
  RUNNING: 'RUNNING',
  COMPLETED: 'COMPLETED',
  FAILED: 'FAILED',
  CANCELLED: 'CANCELLED',
  CRASHED: 'CRASHED',
  PAUSED: 'PAUSED',
  CANCELLING: 'CANCELLING',
} as const;

export type StateType = (typeof StateType)[keyof typeof StateType];

/** A state type of any state set: a reference `StateType` or a policy's own name. */
export type StateName = string;

/** The nine reference state types in declaration order: the default state set of a policy. */
export const STATE_TYPES: readonly StateType[] = Object.freeze(Object.values(StateType));

/** The terminal (final) types: COMPLETED, FAILED, CANCELLED, CRASHED. */
export const TERMINAL_STATES: ReadonlySet<StateName | null> = new Set<StateName | null>([
  StateType.COMPLETED,
  StateType.FAILED,
  StateType.CANCELLED,
  StateType.CRASHED,
]);

/** Prefect's `ALL_ORCHESTRATION_STATES`: the nine types plus `null` (10 members). */
export const ALL_ORCHESTRATION_STATES: ReadonlySet<StateName | null> = new Set<StateName | null>([
  ...STATE_TYPES,
  null,
]);

/** True when `type` is a member of the terminal set. */
export function isTerminal(type: StateName | null | undefined): boolean {
  return type != null && TERMINAL_STATES.has(type);
}
