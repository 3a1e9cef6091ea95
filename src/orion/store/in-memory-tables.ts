/**
 * The committed tables of `InMemoryOrionStore`, and the copies it hands out: nothing
 * outside the store ever holds a reference to a committed row.
 */
import { copyState, type State } from '../../state.ts';
import type { FlowRun } from '../runs/flow-run.ts';
import type { RunKind } from '../runs/run-kind.ts';
import type { TaskRun } from '../runs/task-run.ts';
import type { ConcurrencyLimit } from './concurrency-limits.ts';
import type { CacheEntry } from './task-run-state-cache.ts';

/** A state row: the state without its data, the run it belongs to and its result artifact. */
export interface StateRow {
  runKind: RunKind;
  runId: string;
  /** The state as validated, with `data` removed (it lives in the artifact). */
  state: State;
  resultArtifactId: string | null;
}

/** A result artifact: the data of a validated state, linked to its run. */
export interface ResultArtifact {
  id: string;
  runKind: RunKind;
  runId: string;
  data: unknown;
}

export interface InMemoryTables {
  flowRuns: Map<string, FlowRun>;
  taskRuns: Map<string, TaskRun>;
  /** State rows of both kinds by id, in insertion order. */
  states: Map<string, StateRow>;
  artifacts: Map<string, ResultArtifact>;
  /** Cache entries in insertion order. */
  cacheEntries: CacheEntry[];
  concurrencyLimits: Map<string, ConcurrencyLimit>;
  /** The number of the next result artifact (ids are `artifact-<n>`: deterministic). */
  nextArtifact: number;
}

export function emptyTables(): InMemoryTables {
  return {
    flowRuns: new Map(),
    taskRuns: new Map(),
    states: new Map(),
    artifacts: new Map(),
    cacheEntries: [],
    concurrencyLimits: new Map(),
    nextArtifact: 1,
  };
}

// The copies below write every field in the declared order (never spread), so each
// kind of row has one hidden class however its input was built.

export function cloneLimit(limit: ConcurrencyLimit): ConcurrencyLimit {
  return {
    tag: limit.tag,
    concurrencyLimit: limit.concurrencyLimit,
    activeSlots: [...limit.activeSlots],
  };
}

export function cloneCacheEntry(entry: CacheEntry): CacheEntry {
  return {
    cacheKey: entry.cacheKey,
    cacheExpiration:
      entry.cacheExpiration === null ? null : new Date(entry.cacheExpiration.getTime()),
    taskRunStateId: entry.taskRunStateId,
    created: new Date(entry.created.getTime()),
  };
}

export function cloneStateRow(row: StateRow): StateRow {
  return {
    runKind: row.runKind,
    runId: row.runId,
    state: copyState(row.state),
    resultArtifactId: row.resultArtifactId,
  };
}
