/**
 * How runs, states, cache entries and limits map to rows and back: the column lists
 * the store's statements are built from, and the conversions in both directions.
 * Timestamps are `timestamptz` (JavaScript dates, millisecond precision survive);
 * policies and state details are `jsonb`, their dates as ISO strings.
 */
import { type State, type StateDetails } from '../../state.ts';
import type { StateName } from '../../state-type.ts';
import type { FlowRun } from '../runs/flow-run.ts';
import type { FlowRunPolicy } from '../runs/flow-run-policy.ts';
import type { RunKind } from '../runs/run-kind.ts';
import type { TaskRun } from '../runs/task-run.ts';
import type { TaskRunPolicy } from '../runs/task-run-policy.ts';
import type { ConcurrencyLimit } from '../store/concurrency-limits.ts';
import type { CacheEntry } from '../store/task-run-state-cache.ts';

type Row = Record<string, unknown>;

/** One column: its name, the run field it holds and how the value is written. */
interface Column {
  column: string;
  field: string;
  /** `json`: written as a JSON string cast to jsonb; `array`: text[]. */
  kind: 'value' | 'json' | 'array';
}

const SHARED_COLUMNS: readonly Column[] = [
  { column: 'id', field: 'id', kind: 'value' },
  { column: 'state_id', field: 'stateId', kind: 'value' },
  { column: 'state_type', field: 'stateType', kind: 'value' },
  { column: 'state_name', field: 'stateName', kind: 'value' },
  { column: 'state_timestamp', field: 'stateTimestamp', kind: 'value' },
  { column: 'run_count', field: 'runCount', kind: 'value' },
  { column: 'start_time', field: 'startTime', kind: 'value' },
  { column: 'end_time', field: 'endTime', kind: 'value' },
  { column: 'total_run_time', field: 'totalRunTime', kind: 'value' },
  { column: 'expected_start_time', field: 'expectedStartTime', kind: 'value' },
  { column: 'next_scheduled_start_time', field: 'nextScheduledStartTime', kind: 'value' },
  { column: 'tags', field: 'tags', kind: 'array' },
];

/** The columns of each run table, in statement order. */
export const RUN_COLUMNS: Readonly<Record<RunKind, readonly Column[]>> = {
  flow: [
    ...SHARED_COLUMNS,
    { column: 'deployment_id', field: 'deploymentId', kind: 'value' },
    { column: 'parent_task_run_id', field: 'parentTaskRunId', kind: 'value' },
    { column: 'empirical_policy', field: 'empiricalPolicy', kind: 'json' },
  ],
  task: [
    ...SHARED_COLUMNS,
    { column: 'flow_run_id', field: 'flowRunId', kind: 'value' },
    { column: 'flow_run_run_count', field: 'flowRunRunCount', kind: 'value' },
    { column: 'cache_key', field: 'cacheKey', kind: 'value' },
    { column: 'cache_expiration', field: 'cacheExpiration', kind: 'value' },
    { column: 'empirical_policy', field: 'empiricalPolicy', kind: 'json' },
  ],
};

/** The statement parameters of a run, in `RUN_COLUMNS[kind]` order. */
export function runParams(kind: RunKind, run: FlowRun | TaskRun): unknown[] {
  const record = run as unknown as Row;
  return RUN_COLUMNS[kind].map(({ field, kind: columnKind }) => {
    const value = record[field];
    if (columnKind !== 'json') return value;
    if (field === 'empiricalPolicy' && kind === 'flow') {
      const policy = value as FlowRunPolicy;
      return JSON.stringify({ ...policy, pauseKeys: [...policy.pauseKeys] });
    }
    return JSON.stringify(value);
  });
}

/** A flow run from its row (every column selected). */
export function flowRunFromRow(row: Row): FlowRun {
  const policy = row['empirical_policy'] as Omit<FlowRunPolicy, 'pauseKeys'> & {
    pauseKeys: string[];
  };
  return {
    ...sharedFromRow(row),
    deploymentId: row['deployment_id'] as string | null,
    parentTaskRunId: row['parent_task_run_id'] as string | null,
    empiricalPolicy: { ...policy, pauseKeys: new Set(policy.pauseKeys) },
  };
}

/** A task run from its row (every column selected). */
export function taskRunFromRow(row: Row): TaskRun {
  return {
    ...sharedFromRow(row),
    flowRunId: row['flow_run_id'] as string,
    flowRunRunCount: row['flow_run_run_count'] as number,
    cacheKey: row['cache_key'] as string | null,
    cacheExpiration: row['cache_expiration'] as Date | null,
    empiricalPolicy: row['empirical_policy'] as TaskRunPolicy,
  };
}

function sharedFromRow(
  row: Row,
): Omit<FlowRun, 'deploymentId' | 'parentTaskRunId' | 'empiricalPolicy'> {
  return {
    id: row['id'] as string,
    stateId: row['state_id'] as string | null,
    stateType: row['state_type'] as StateName | null,
    stateName: row['state_name'] as string | null,
    stateTimestamp: row['state_timestamp'] as Date | null,
    runCount: row['run_count'] as number,
    startTime: row['start_time'] as Date | null,
    endTime: row['end_time'] as Date | null,
    totalRunTime: row['total_run_time'] as number,
    expectedStartTime: row['expected_start_time'] as Date | null,
    nextScheduledStartTime: row['next_scheduled_start_time'] as Date | null,
    tags: row['tags'] as string[],
  };
}

/** The fields of `StateDetails` that hold dates (stored as ISO strings in jsonb). */
const DETAIL_DATES = ['scheduledTime', 'cacheExpiration', 'pauseTimeout'] as const;

/** A state row (columns `id, type, name, timestamp, message, state_details, data`). */
export function stateFromRow(row: Row): State {
  const details = { ...(row['state_details'] as Record<string, unknown>) };
  for (const field of DETAIL_DATES) {
    const value = details[field];
    details[field] = typeof value === 'string' ? new Date(value) : null;
  }
  return {
    id: row['id'] as string,
    type: row['type'] as StateName,
    name: row['name'] as string,
    timestamp: row['timestamp'] as Date,
    message: row['message'] as string | null,
    data: row['data'] ?? null,
    stateDetails: details as unknown as StateDetails,
  };
}

/** A cache entry from its row. */
export function cacheEntryFromRow(row: Row): CacheEntry {
  return {
    cacheKey: row['cache_key'] as string,
    cacheExpiration: row['cache_expiration'] as Date | null,
    taskRunStateId: row['task_run_state_id'] as string,
    created: row['created'] as Date,
  };
}

/** A limit from its row. */
export function limitFromRow(row: Row): ConcurrencyLimit {
  return {
    tag: row['tag'] as string,
    concurrencyLimit: row['concurrency_limit'] as number,
    activeSlots: row['active_slots'] as string[],
  };
}

/**
 * A snapshot of a working copy, compared at commit time to write back only the rows a
 * transaction changed.
 */
export function snapshot(values: unknown): string {
  return JSON.stringify(values);
}
