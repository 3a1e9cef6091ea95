/**
 * `MaybePromise`: a value now, or a promise of it later. The orchestration loop, the
 * rules' hooks and the store ports return one, so that work that never waits (an
 * in-memory store, a hook that does not await) costs no promise and no microtask, while
 * work that does wait (a database, an async hook) keeps working unchanged.
 */

export type MaybePromise<T> = T | Promise<T>;

/** True for a promise or any other thenable. */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as PromiseLike<unknown>).then === 'function'
  );
}

/**
 * `next(value)`, called now when `value` is not a promise (and its result returned as
 * is), or once the promise fulfils (a promise of its result). A synchronous `next`
 * that throws throws here; a rejected `value` rejects the returned promise.
 */
export function whenReady<T, R>(
  value: MaybePromise<T>,
  next: (value: T) => MaybePromise<R>,
): MaybePromise<R> {
  if (isPromiseLike(value)) return Promise.resolve(value).then(next);
  return next(value);
}
