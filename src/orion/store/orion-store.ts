/**
 * `OrionStore`: the storage port of the Orion engine. A store opens transactions; a
 * transaction hands out an `OrionSession`.
 */
import type { MaybePromise } from '../../maybe-promise.ts';
import type { OrionSession } from './orion-session.ts';

export interface OrionStore {
  /**
   * Runs `work` in a transaction: what it changes through the session is committed
   * when it returns (or its promise resolves), and rolled back (none of it is visible,
   * ever) when it throws (or its promise rejects); the error is then passed on. The
   * result comes back directly or as a promise: a store may run a transaction that
   * never waits synchronously (the in-memory store does), and callers handle both. Transactions must be isolated from each
   * other (the reference locks concurrency-limit rows): two transitions that race for
   * the same slot must not both get it. `work` must not open another transaction on the
   * same store; nested orchestrations (a subflow's parent task) reuse its session. A
   * store may run `work` again, on a fresh session, after rolling back an attempt that
   * lost a race (a database's serialization failure or deadlock): only the last
   * attempt's changes commit, so `work` must not change anything outside the session.
   */
  transaction<T>(work: (session: OrionSession) => MaybePromise<T>): MaybePromise<T>;
}
