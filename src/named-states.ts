/**
 * Factories for the reference types and the named variants of orion-behaviour.md 1.4
 * (a type plus a conventional name). Each takes the usual `StateInit` and an optional
 * environment (clock and random source) for "now" and the fresh id.
 */
import { systemClock } from './clock.ts';
import { createState, type State, type StateEnvironment, type StateInit } from './state.ts';
import { StateType } from './state-type.ts';

type Factory = (init?: StateInit, env?: StateEnvironment) => State;

const ofType =
  (type: StateType, name?: string): Factory =>
  (init = {}, env = {}) =>
    createState(type, name === undefined ? init : { ...init, name: init.name ?? name }, env);

export const Scheduled = ofType(StateType.SCHEDULED);
export const Pending = ofType(StateType.PENDING);
export const Running = ofType(StateType.RUNNING);
export const Completed = ofType(StateType.COMPLETED);
export const Failed = ofType(StateType.FAILED);
export const Cancelled = ofType(StateType.CANCELLED);
export const Crashed = ofType(StateType.CRASHED);
export const Cancelling = ofType(StateType.CANCELLING);

/** SCHEDULED named `AwaitingRetry`: a retry waiting for its scheduled time. */
export const AwaitingRetry = ofType(StateType.SCHEDULED, 'AwaitingRetry');
/** SCHEDULED named `Late`. */
export const Late = ofType(StateType.SCHEDULED, 'Late');
/** RUNNING named `Retrying`. */
export const Retrying = ofType(StateType.RUNNING, 'Retrying');
/** RUNNING named `Rerunning`. */
export const Rerunning = ofType(StateType.RUNNING, 'Rerunning');
/** COMPLETED named `Cached`. */
export const Cached = ofType(StateType.COMPLETED, 'Cached');

/**
 * SCHEDULED named `Resuming`: what the resume endpoint proposes when the pause asked to
 * reschedule. Like every SCHEDULED state built without a `scheduledTime`, it is
 * scheduled for now.
 */
export const Resuming = ofType(StateType.SCHEDULED, 'Resuming');

/** How a PAUSED state expires: a timeout in seconds or an absolute time, never both. */
export interface PauseOptions {
  timeoutSeconds?: number;
  pauseExpirationTime?: Date;
  reschedule?: boolean;
  pauseKey?: string | null;
}

/**
 * A PAUSED state. With `timeoutSeconds`, `pauseTimeout = now + seconds` (now from the
 * environment's clock); with `pauseExpirationTime`, that time; with neither, no
 * timeout. `reschedule` and `pauseKey` set `pauseReschedule` and `pauseKey`. Throws a
 * `TypeError` when given both a timeout and an expiration time, or a `pauseTimeout`
 * in the details as well.
 */
export function Paused(options: PauseOptions = {}, init: StateInit = {}, env: StateEnvironment = {}): State {
  const { timeoutSeconds, pauseExpirationTime, reschedule = false, pauseKey = null } = options;
  if (timeoutSeconds !== undefined && pauseExpirationTime !== undefined) {
    throw new TypeError(
      'A Paused state takes a timeout in seconds or an expiration time, not both: pass timeoutSeconds or pauseExpirationTime.',
    );
  }
  if (timeoutSeconds !== undefined && !Number.isFinite(timeoutSeconds)) {
    throw new TypeError(`A Paused state's timeoutSeconds must be a finite number of seconds, got ${timeoutSeconds}.`);
  }
  if (init.stateDetails?.pauseTimeout != null) {
    throw new TypeError(
      'A Paused state takes its timeout from timeoutSeconds or pauseExpirationTime, not from stateDetails.pauseTimeout.',
    );
  }
  const state = createState(StateType.PAUSED, init, env);
  const details = state.stateDetails;
  if (timeoutSeconds !== undefined) {
    details.pauseTimeout = new Date((env.clock ?? systemClock).now().getTime() + timeoutSeconds * 1000);
  } else if (pauseExpirationTime !== undefined) {
    details.pauseTimeout = new Date(pauseExpirationTime.getTime());
  }
  details.pauseReschedule = reschedule;
  details.pauseKey = pauseKey;
  return state;
}

/** PAUSED named `NotReady`: a task whose flow is paused (no timeout, reschedule or key). */
export function NotReady(init: StateInit = {}, env: StateEnvironment = {}): State {
  return Paused({}, { ...init, name: init.name ?? 'NotReady' }, env);
}
