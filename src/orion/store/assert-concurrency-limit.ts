/**
 * `assertConcurrencyLimit`: the check every store's `setConcurrencyLimit` makes before
 * it writes anything, so that all stores refuse the same values with the same message.
 */

/** Throws a `TypeError` unless `concurrencyLimit` is an integer >= 0. */
export function assertConcurrencyLimit(tag: string, concurrencyLimit: number): void {
  if (!Number.isInteger(concurrencyLimit) || concurrencyLimit < 0) {
    throw new TypeError(
      `A concurrency limit must be an integer >= 0, got ${concurrencyLimit} for tag "${tag}".`,
    );
  }
}
