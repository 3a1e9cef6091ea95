/** A cache entry for `cacheKey` that never expires, created at a fixed time. */
import type { CacheEntry } from '../../../../../src/orion/index.ts';

export function createCacheEntry(cacheKey: string): CacheEntry {
  return {
    cacheKey,
    cacheExpiration: null,
    taskRunStateId: 'state-1',
    created: new Date('2023-02-01T12:00:00.000Z'),
  };
}
