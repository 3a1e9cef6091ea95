/**
 * `OrionRunStore`: an `OrionStore` that also sets up runs and limits and reads what is
 * committed: the API `InMemoryOrionStore` and `PostgresOrionStore` share, so that code
 * written once (a test, a seed script, the testing kit) runs on every store.
 */
import type { MaybePromise } from '../../maybe-promise.ts';
import type { State } from '../../state.ts';
import type { FlowRun, FlowRunInit } from '../runs/flow-run.ts';
import type { RunKind } from '../runs/run-kind.ts';
import type { TaskRun, TaskRunInit } from '../runs/task-run.ts';
import type { ConcurrencyLimit } from './concurrency-limits.ts';
import type { OrionStore } from './orion-store.ts';
import type { OrionStoreContents } from './orion-store-contents.ts';
import type { CacheEntry } from './task-run-state-cache.ts';

/**
 * Setup calls run in a transaction of their own and resolve once it has committed.
 * Reads see committed data only (never an open transaction's changes) and return
 * copies; an in-memory store answers them directly, a database with a promise, so
 * `await` them.
 */
export interface OrionRunStore extends OrionStore {
  /** Adds a flow run (no state yet) and returns it. The id defaults to a fresh UUID. */
  addFlowRun(init?: Partial<FlowRunInit>): Promise<FlowRun>;
  /** Adds a task run of flow run `init.flowRunId` (no state yet) and returns it. */
  addTaskRun(init: Partial<TaskRunInit> & { flowRunId: string }): Promise<TaskRun>;
  /**
   * Creates the limit for `tag`, or changes an existing one's limit keeping the runs
   * that hold its slots (unless `activeSlots` is given).
   */
  setConcurrencyLimit(
    tag: string,
    concurrencyLimit: number,
    activeSlots?: readonly string[],
  ): Promise<ConcurrencyLimit>;
  /** Deletes the limit for `tag`, if any. */
  deleteConcurrencyLimit(tag: string): Promise<void>;
  /** The committed flow run `id`, or null. */
  flowRun(id: string): MaybePromise<FlowRun | null>;
  /** The committed task run `id`, or null. */
  taskRun(id: string): MaybePromise<TaskRun | null>;
  /** The committed limit for `tag`, or null. */
  concurrencyLimit(tag: string): MaybePromise<ConcurrencyLimit | null>;
  /** The committed state history of a run, oldest first, with result data attached. */
  stateHistory(kind: RunKind, runId: string): MaybePromise<State[]>;
  /** The committed cache entries, in insertion order. */
  cacheEntries(): MaybePromise<CacheEntry[]>;
  /** Every committed row (see `OrionStoreContents`). */
  contents(): MaybePromise<OrionStoreContents>;
}
