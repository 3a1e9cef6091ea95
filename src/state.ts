import { systemClock, type Clock } from './clock.ts';
import { systemRandom, type RandomSource } from './random-source.ts';
import { StateType, type StateName } from './state-type.ts';

/** Prefect's `state_details`. Every field defaults to null or false. */
export interface StateDetails {
  flowRunId: string | null;
  taskRunId: string | null;
  childFlowRunId: string | null;
  scheduledTime: Date | null;
  cacheKey: string | null;
  cacheExpiration: Date | null;
  untrackableResult: boolean;
  pauseTimeout: Date | null;
  pauseReschedule: boolean;
  pauseKey: string | null;
  refreshCache: boolean | null;
}

/** A run's state (Prefect's `State`). Plain data: copy it with `copyState`. */
export interface State {
  id: string;
  type: StateName;
  name: string;
  timestamp: Date;
  message: string | null;
  data: unknown;
  stateDetails: StateDetails;
}

/** What `createState` takes besides the type; every field is optional. */
export interface StateInit {
  id?: string;
  name?: string;
  timestamp?: Date;
  message?: string | null;
  data?: unknown;
  stateDetails?: Partial<StateDetails>;
}

/** Where a new state gets "now" and a fresh id from. Defaults to the system's. */
export interface StateEnvironment {
  clock?: Clock;
  random?: RandomSource;
}

/**
 * A fresh `StateDetails` with every field at its default, then `init` applied. A field
 * given as `undefined` keeps its default (it is "not given", not a value).
 */
export function createStateDetails(init: Partial<StateDetails> = {}): StateDetails {
  const details: StateDetails = {
    flowRunId: null,
    taskRunId: null,
    childFlowRunId: null,
    scheduledTime: null,
    cacheKey: null,
    cacheExpiration: null,
    untrackableResult: false,
    pauseTimeout: null,
    pauseReschedule: false,
    pauseKey: null,
    refreshCache: null,
  };
  for (const key of Object.keys(init) as (keyof StateDetails)[]) {
    const value = init[key];
    if (value !== undefined) (details as unknown as Record<string, unknown>)[key] = value;
  }
  return details;
}

/** The default name of a type: split on `_`, words capitalised, joined with spaces. */
export function defaultStateName(type: StateName): string {
  return type
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join(' ');
}

/**
 * A new state of `type`: a fresh id and the current time unless given, the name
 * defaulting from the type. A SCHEDULED state built without a `scheduledTime` gets
 * `scheduledTime = now`, as in Prefect; other types get no scheduled time.
 * "now" is read once, so a state built with neither gets equal (but distinct) dates.
 * Throws a `TypeError` for a type that is not a non-empty string.
 */
export function createState(
  type: StateName,
  init: StateInit = {},
  env: StateEnvironment = {},
): State {
  if (typeof type !== 'string' || type === '') {
    throw new TypeError(
      `A state type must be a non-empty string, got ${describeValue(type)}: pass a StateType member or one of your policy's STATES.`,
    );
  }
  const now = (env.clock ?? systemClock).now();
  const stateDetails = createStateDetails(init.stateDetails);
  if (type === StateType.SCHEDULED && stateDetails.scheduledTime === null) {
    stateDetails.scheduledTime = new Date(now.getTime());
  }
  return {
    id: init.id ?? (env.random ?? systemRandom).uuid(),
    type,
    name: init.name ?? defaultStateName(type),
    timestamp: init.timestamp ?? now,
    message: init.message ?? null,
    data: init.data ?? null,
    stateDetails,
  };
}

/**
 * An independent copy of `state`: its details (and their dates) are copied, so
 * assigning on the copy never reaches the original. `data` is shared: it is the
 * run's result payload, which orchestration never edits in place. With `reset`, the
 * copy gets a fresh id and timestamp (Prefect's "copy with reset").
 *
 * The copy is written field by field in one declared order (never spread), so every
 * copy has the same hidden class whatever the input's history: states built by hand,
 * parsed from JSON or copied many times all give one shape, and the code that reads
 * copies stays monomorphic. Fields outside `State` and `StateDetails` are not copied.
 */
export function copyState(state: State, reset?: StateEnvironment): State {
  const copy: State = {
    id: reset === undefined ? state.id : (reset.random ?? systemRandom).uuid(),
    type: state.type,
    name: state.name,
    timestamp:
      reset === undefined
        ? new Date(state.timestamp.getTime())
        : (reset.clock ?? systemClock).now(),
    message: state.message,
    data: state.data,
    stateDetails: copyStateDetails(state.stateDetails),
  };
  return copy;
}

/**
 * The copy of `state` a hook receives (`OrchestrationContext.copy`): as `copyState`,
 * except that its dates are the original's Date objects. A state's dates are read-only
 * values: assigning a new date on the copy never reaches the original, but mutating a
 * shared Date in place (`setTime`, `setFullYear`, …) would, so hooks must not.
 * Allocating about ten Dates per transition was half of what copying for hooks cost.
 * Internal: not exported from the package.
 */
export function copyStateForHook(state: State): State {
  const details = state.stateDetails;
  return {
    id: state.id,
    type: state.type,
    name: state.name,
    timestamp: state.timestamp,
    message: state.message,
    data: state.data,
    stateDetails: {
      flowRunId: details.flowRunId,
      taskRunId: details.taskRunId,
      childFlowRunId: details.childFlowRunId,
      scheduledTime: details.scheduledTime,
      cacheKey: details.cacheKey,
      cacheExpiration: details.cacheExpiration,
      untrackableResult: details.untrackableResult,
      pauseTimeout: details.pauseTimeout,
      pauseReschedule: details.pauseReschedule,
      pauseKey: details.pauseKey,
      refreshCache: details.refreshCache,
    },
  };
}

/** An independent copy of `details` (dates copied), in the declared field order. */
function copyStateDetails(details: StateDetails): StateDetails {
  return {
    flowRunId: details.flowRunId,
    taskRunId: details.taskRunId,
    childFlowRunId: details.childFlowRunId,
    scheduledTime: copyDate(details.scheduledTime),
    cacheKey: details.cacheKey,
    cacheExpiration: copyDate(details.cacheExpiration),
    untrackableResult: details.untrackableResult,
    pauseTimeout: copyDate(details.pauseTimeout),
    pauseReschedule: details.pauseReschedule,
    pauseKey: details.pauseKey,
    refreshCache: details.refreshCache,
  };
}

function describeValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function copyDate(date: Date | null): Date | null {
  return date === null ? null : new Date(date.getTime());
}
