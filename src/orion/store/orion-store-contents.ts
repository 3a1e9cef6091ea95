/**
 * `OrionStoreContents`: every committed row of an Orion store, as plain copies, each
 * table in insertion order, in one shape for every store: for tests that compare a
 * store before and after, and for debugging.
 */
import type { FlowRun } from '../runs/flow-run.ts';
import type { TaskRun } from '../runs/task-run.ts';
import type { ConcurrencyLimit } from './concurrency-limits.ts';
import type { ResultArtifact, StateRow } from './in-memory-tables.ts';
import type { CacheEntry } from './task-run-state-cache.ts';

export interface OrionStoreContents {
  flowRuns: FlowRun[];
  taskRuns: TaskRun[];
  states: StateRow[];
  artifacts: ResultArtifact[];
  cacheEntries: CacheEntry[];
  concurrencyLimits: ConcurrencyLimit[];
}
