/**
 * Factories for the reference types and Prefect's named state variants
 * (a type plus a conventional name). Each takes the usual `StateInit` and an optional
 * environment (clock and random source) for "now" and the fresh id.
 */
import { systemClock } from './clock.ts';
import { createState, type State, type StateEnvironment, type StateInit } from './state.ts';
import { StateType } from './state-type.ts';

type Factory = (init?: StateInit, env?: StateEnvironment) => State;

/**
 * A factory for `type`, called `factoryName` (its `.name`, for stack traces and test
 * titles); with `stateName`, states are named that unless `init.name` says otherwise.
 */
function ofType(factoryName: string, type: StateType, stateName?: string): Factory {
  const factory: Factory = (init = {}, env = {}) =>
    createState(
      type,
      stateName === undefined ? init : { ...init, name: init.name ?? stateName },
      env,
    );
  return Object.defineProperty(factory, 'name', { value: factoryName });
}

/** A state of each reference type, with its default name (`Scheduled`, `Running`, ...). */
export const Scheduled = ofType('Scheduled', StateType.SCHEDULED);
export const Pending = ofType('Pending', StateType.PENDING);
export const Running = ofType('Running', StateType.RUNNING);
export const Completed = ofType('Completed', StateType.COMPLETED);
export const Failed = ofType('Failed', StateType.FAILED);
export const Cancelled = ofType('Cancelled', StateType.CANCELLED);
export const Crashed = ofType('Crashed', StateType.CRASHED);
export const Cancelling = ofType('Cancelling', StateType.CANCELLING);

/** SCHEDULED named `AwaitingRetry`: a retry waiting for its scheduled time. */
export const AwaitingRetry = ofType('AwaitingRetry', StateType.SCHEDULED, 'AwaitingRetry');
/** SCHEDULED named `Late`. */
export const Late = ofType('Late', StateType.SCHEDULED, 'Late');
/** RUNNING named `Retrying`. */
export const Retrying = ofType('Retrying', StateType.RUNNING, 'Retrying');
/** RUNNING named `Rerunning`. */
export const Rerunning = ofType('Rerunning', StateType.RUNNING, 'Rerunning');
/** COMPLETED named `Cached`. */
export const Cached = ofType('Cached', StateType.COMPLETED, 'Cached');

/**
 * SCHEDULED named `Resuming`: what the resume endpoint proposes when the pause asked to
 * reschedule. Like every SCHEDULED state built without a `scheduledTime`, it is
 * scheduled for now.
 */
export const Resuming = ofType('Resuming', StateType.SCHEDULED, 'Resuming');

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
export function Paused(
  options: PauseOptions = {},
  init: StateInit = {},
  env: StateEnvironment = {},
): State {
  const { timeoutSeconds, pauseExpirationTime, reschedule = false, pauseKey = null } = options;
  if (timeoutSeconds !== undefined && pauseExpirationTime !== undefined) {
    throw new TypeError(
      'A Paused state takes a timeout in seconds or an expiration time, not both: pass timeoutSeconds or pauseExpirationTime.',
    );
  }
  if (timeoutSeconds !== undefined && !Number.isFinite(timeoutSeconds)) {
    throw new TypeError(
      `A Paused state's timeoutSeconds must be a finite number of seconds, got ${timeoutSeconds}.`,
    );
  }
  if (init.stateDetails?.pauseTimeout != null) {
    throw new TypeError(
      'A Paused state takes its timeout from timeoutSeconds or pauseExpirationTime, not from stateDetails.pauseTimeout.',
    );
  }
  const state = createState(StateType.PAUSED, init, env);
  const details = state.stateDetails;
  if (timeoutSeconds !== undefined) {
    details.pauseTimeout = new Date(
      (env.clock ?? systemClock).now().getTime() + timeoutSeconds * 1000,
    );
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
