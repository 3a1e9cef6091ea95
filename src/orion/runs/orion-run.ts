/**
 * `OrionRun`: the columns flow runs and task runs share (docs/orion-preset.md#runs).
 * Validation and the global transforms maintain them; a few rules adjust `runCount`.
 */
import type { StateName } from '../../state-type.ts';

export interface OrionRun {
  id: string;
  /** The current state row's id, or null before the first state (the "state" pointer). */
  stateId: string | null;
  stateType: StateName | null;
  stateName: string | null;
  stateTimestamp: Date | null;
  /** How many times the run has entered RUNNING (see the Increment*RunCount transforms). */
  runCount: number;
  startTime: Date | null;
  endTime: Date | null;
  /** Time spent in RUNNING, in seconds (a Python `timedelta` in the reference). */
  totalRunTime: number;
  expectedStartTime: Date | null;
  nextScheduledStartTime: Date | null;
  /** Flow runs: unused by orchestration. Task runs: drive tag concurrency limits. */
  tags: string[];
}

/**
 * A copy of a nullable date. Run copies call it for every date column, so that copies
 * share no mutable object with the original.
 */
export function copyDate(date: Date | null): Date | null {
  return date === null ? null : new Date(date.getTime());
}
