/**
 * `OrionSession`: everything the Orion rules, the engine and setup code read and write
 * during one transaction (runs, state rows, cache entries, concurrency limits), as one
 * port made of the smaller ones.
 */
import type { ConcurrencyLimits } from './concurrency-limits.ts';
import type { RunRecords } from './run-records.ts';
import type { StateHistory } from './state-history.ts';
import type { TaskRunStateCache } from './task-run-state-cache.ts';

/**
 * One unit of work. Every method may answer directly (an in-memory store) or with a
 * promise (a database): callers handle both, and a store whose every method returns a
 * promise is as correct as one that never does. Records it returns are its working copies: rules change them in
 * place (the reference mutates ORM rows), and every change, like every insert, is
 * written when the transaction that opened the session commits, or dropped when it
 * throws.
 */
export interface OrionSession
  extends RunRecords, StateHistory, TaskRunStateCache, ConcurrencyLimits {}
