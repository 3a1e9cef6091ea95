/**
 * `TaskRunStateCache`: the store port for the task-run state cache table
 * (docs/orion-preset.md), written by `CacheInsertion` and read by `CacheRetrieval`.
 */
import type { MaybePromise } from '../../maybe-promise.ts';

/** One row of the cache table. Several rows may share a key; the newest wins. */
export interface CacheEntry {
  cacheKey: string;
  /** Null: never expires. */
  cacheExpiration: Date | null;
  /** The task-run state row the entry points to. */
  taskRunStateId: string;
  /** When the entry was created; lookups prefer the most recent. */
  created: Date;
}

export interface TaskRunStateCache {
  /**
   * The live entry for `cacheKey` at `now`: among the entries with that key whose
   * expiration is null or strictly later than `now`, the most recently created (ties:
   * the one inserted last). Null when there is none. Expired entries are ignored, not
   * deleted.
   */
  readCacheEntry(cacheKey: string, now: Date): MaybePromise<CacheEntry | null>;
  /** Adds an entry (never replaces one). */
  insertCacheEntry(entry: CacheEntry): MaybePromise<void>;
}
