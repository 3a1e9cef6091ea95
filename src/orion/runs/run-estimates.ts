/**
 * Values derived from a run on read, never written by rules:
 * the estimated run time and the estimated lateness.
 */
import { isTerminal, StateType } from '../../state-type.ts';
import type { OrionRun } from './orion-run.ts';

/** Seconds of run time: `totalRunTime`, plus the time since entering RUNNING while running. */
export function estimatedRunTime(run: OrionRun, now: Date): number {
  if (run.stateType === StateType.RUNNING && run.stateTimestamp !== null) {
    return run.totalRunTime + (now.getTime() - run.stateTimestamp.getTime()) / 1000;
  }
  return run.totalRunTime;
}

/**
 * Seconds of lateness: how much later than expected the run started or, for a run
 * that has not started, is not in a terminal state and was expected in the past, how
 * late it is now. Otherwise 0.
 */
export function estimatedStartTimeDelta(run: OrionRun, now: Date): number {
  const expected = run.expectedStartTime;
  if (expected === null) return 0;
  if (run.startTime !== null) {
    return run.startTime > expected ? (run.startTime.getTime() - expected.getTime()) / 1000 : 0;
  }
  if (expected < now && !isTerminal(run.stateType))
    return (now.getTime() - expected.getTime()) / 1000;
  return 0;
}
