/**
 * `StateHistory`: the store port for state rows: reading a run's state by id or its
 * whole history, and validation's write of a new current state.
 */
import type { MaybePromise } from '../../maybe-promise.ts';
import type { State } from '../../state.ts';
import type { RunKind } from '../runs/run-kind.ts';

export interface StateHistory {
  /**
   * The state row `stateId` of the `kind` state table with its result data attached,
   * or null when there is no such row. Returns a copy: changing it changes nothing.
   */
  readState(kind: RunKind, stateId: string): MaybePromise<State | null>;
  /**
   * Validation: stores `state` as a new row of run `runId` (keeping its id, type, name,
   * timestamp, message and details), storing non-null `data` as a separate result
   * artifact linked from the row, and points the run at it: the session's record of
   * that run gets `stateId = state.id`. Returns the stored row with the data attached.
   * Throws when the run does not exist or the id is already taken.
   */
  insertRunState(kind: RunKind, runId: string, state: State): MaybePromise<State>;
  /**
   * Every state row of run `runId` in the `kind` state table, oldest first (insertion
   * order), each with its result data attached, this session's uncommitted rows
   * included. Returns copies; an unknown run has no rows (an empty array).
   */
  readRunStates(kind: RunKind, runId: string): MaybePromise<State[]>;
}
