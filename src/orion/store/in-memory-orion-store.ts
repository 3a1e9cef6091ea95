/**
 * `InMemoryOrionStore`: the embedded default `OrionStore`. Transactions run one at a
 * time (a `SerialLock`), each in an `InMemorySession` that is committed when the work
 * returns or resolves and dropped when it throws or rejects; a transaction whose work
 * never waits runs synchronously. Besides the port it offers a small setup API
 * (runs, limits) and synchronous reads of the committed data, which return copies.
 *
 * A transaction or setup call started from inside one of its own open transactions,
 * in the same async flow, is rejected at once (see `TransactionScope`) instead of
 * queueing behind the transaction that waits for it.
 */
import { isPromiseLike, type MaybePromise } from '../../maybe-promise.ts';
import { systemRandom, type RandomSource } from '../../random-source.ts';
import { copyState, type State } from '../../state.ts';
import { copyFlowRun, createFlowRun, type FlowRun, type FlowRunInit } from '../runs/flow-run.ts';
import type { RunKind } from '../runs/run-kind.ts';
import { copyTaskRun, createTaskRun, type TaskRun, type TaskRunInit } from '../runs/task-run.ts';
import type { ConcurrencyLimit } from './concurrency-limits.ts';
import { InMemorySession } from './in-memory-session.ts';
import {
  cloneCacheEntry,
  cloneLimit,
  cloneStateRow,
  emptyTables,
  type InMemoryTables,
} from './in-memory-tables.ts';
import type { OrionSession } from './orion-session.ts';
import type { OrionRunStore } from './orion-run-store.ts';
import type { OrionStoreContents } from './orion-store-contents.ts';
import { SerialLock } from './serial-lock.ts';
import { checkKey } from '../validation/check-text.ts';
import { validateConcurrencyLimit } from '../validation/validate-concurrency-limit.ts';
import { validateFlowRunInit, validateTaskRunInit } from '../validation/validate-run-init.ts';
import { validateRunId, validateRunKind } from '../validation/validate-run-reference.ts';
import { openTransactionOf, runInTransactionScope, TransactionScope } from './transaction-scope.ts';
import type { CacheEntry } from './task-run-state-cache.ts';

export interface InMemoryOrionStoreOptions {
  /** Where ids of runs added without one come from. Defaults to the system's. */
  random?: RandomSource;
  /**
   * Reject a transaction or setup call made from inside one of this store's open
   * transactions in the same async flow, instead of letting it wait forever. Default
   * true. Tracking uses an `AsyncLocalStorage`, which on Node 20 makes every promise of
   * the process a little slower once enabled: a benchmark may turn it off.
   */
  detectReentrantCalls?: boolean;
}

/** Everything the store holds, as copies: the contents of every store (`OrionStoreContents`). */
export type InMemoryStoreContents = OrionStoreContents;

export class InMemoryOrionStore implements OrionRunStore {
  readonly #tables: InMemoryTables = emptyTables();
  readonly #lock = new SerialLock();
  readonly #random: RandomSource;
  readonly #detectReentrantCalls: boolean;

  constructor(options: InMemoryOrionStoreOptions = {}) {
    this.#random = options.random ?? systemRandom;
    this.#detectReentrantCalls = options.detectReentrantCalls ?? true;
  }

  /**
   * Runs `work` in a transaction. When the store is idle and `work` answers directly,
   * the transaction runs and commits synchronously and its result comes back directly;
   * otherwise a promise comes back (see `OrionStore.transaction`).
   */
  transaction<T>(work: (session: OrionSession) => MaybePromise<T>): MaybePromise<T> {
    return this.#transaction('transaction', work);
  }

  /**
   * Adds a flow run (no state yet) and returns a copy of it. The id defaults to a fresh
   * UUID. Throws `InvalidInputError` for a column no store could keep.
   */
  async addFlowRun(init: Partial<FlowRunInit> = {}): Promise<FlowRun> {
    validateFlowRunInit(init);
    const run = createFlowRun({ ...init, id: init.id ?? this.#random.uuid() });
    return this.#transaction('addFlowRun', (session) => copyFlowRun(session.insertFlowRun(run)));
  }

  /**
   * Adds a task run of flow run `init.flowRunId` (no state yet) and returns a copy of
   * it. Throws `InvalidInputError` for a column no store could keep and
   * `ObjectNotFoundError` when the flow run does not exist.
   */
  async addTaskRun(init: Partial<TaskRunInit> & { flowRunId: string }): Promise<TaskRun> {
    validateTaskRunInit(init);
    const run = createTaskRun({ ...init, id: init.id ?? this.#random.uuid() });
    return this.#transaction('addTaskRun', (session) => copyTaskRun(session.insertTaskRun(run)));
  }

  /**
   * Creates the limit for `tag`, or changes an existing one's limit keeping the runs
   * that hold its slots (unless `activeSlots` is given). Throws `InvalidInputError`
   * for a tag, limit or slot list no store could keep.
   */
  async setConcurrencyLimit(
    tag: string,
    concurrencyLimit: number,
    activeSlots?: readonly string[],
  ): Promise<ConcurrencyLimit> {
    validateConcurrencyLimit(tag, concurrencyLimit, activeSlots);
    return this.#transaction('setConcurrencyLimit', (session) => {
      const existing = session.readConcurrencyLimit(tag);
      const slots = activeSlots ?? existing?.activeSlots ?? [];
      return cloneLimit(
        session.writeConcurrencyLimit({ tag, concurrencyLimit, activeSlots: [...new Set(slots)] }),
      );
    });
  }

  /** Deletes the limit for `tag`, if any. */
  async deleteConcurrencyLimit(tag: string): Promise<void> {
    checkKey(tag, 'tag');
    return this.#transaction('deleteConcurrencyLimit', (session) =>
      session.deleteConcurrencyLimit(tag),
    );
  }

  /** The committed flow run `id` (a copy), or null. */
  flowRun(id: string): FlowRun | null {
    validateRunId(id, 'id');
    const run = this.#tables.flowRuns.get(id);
    return run === undefined ? null : copyFlowRun(run);
  }

  /** The committed task run `id` (a copy), or null. */
  taskRun(id: string): TaskRun | null {
    validateRunId(id, 'id');
    const run = this.#tables.taskRuns.get(id);
    return run === undefined ? null : copyTaskRun(run);
  }

  /** The committed limit for `tag` (a copy), or null. */
  concurrencyLimit(tag: string): ConcurrencyLimit | null {
    checkKey(tag, 'tag');
    const limit = this.#tables.concurrencyLimits.get(tag);
    return limit === undefined ? null : cloneLimit(limit);
  }

  /** The committed state history of a run, oldest first, with result data attached. */
  stateHistory(kind: RunKind, runId: string): State[] {
    validateRunKind(kind);
    validateRunId(runId, 'runId');
    const states: State[] = [];
    for (const row of this.#tables.states.values()) {
      if (row.runKind !== kind || row.runId !== runId) continue;
      const state = copyState(row.state);
      if (row.resultArtifactId !== null)
        state.data = this.#tables.artifacts.get(row.resultArtifactId)?.data ?? null;
      states.push(state);
    }
    return states;
  }

  /** The committed cache entries (copies), in insertion order. */
  cacheEntries(): CacheEntry[] {
    return this.#tables.cacheEntries.map(cloneCacheEntry);
  }

  /** Every committed row, as copies. */
  contents(): InMemoryStoreContents {
    const t = this.#tables;
    return {
      flowRuns: [...t.flowRuns.values()].map(copyFlowRun),
      taskRuns: [...t.taskRuns.values()].map(copyTaskRun),
      states: [...t.states.values()].map(cloneStateRow),
      artifacts: [...t.artifacts.values()].map((artifact) => ({ ...artifact })),
      cacheEntries: t.cacheEntries.map(cloneCacheEntry),
      concurrencyLimits: [...t.concurrencyLimits.values()].map(cloneLimit),
    };
  }

  #transaction<T>(
    method: string,
    work: (session: InMemorySession) => MaybePromise<T>,
  ): MaybePromise<T> {
    const scope = this.#detectReentrantCalls ? new TransactionScope(this) : null;
    if (scope !== null && openTransactionOf(this) !== null) {
      return Promise.reject(reentrantCallError(method));
    }
    return this.#lock.run(() => {
      const session = new InMemorySession(this.#tables);
      let result: MaybePromise<T>;
      try {
        result = scope === null ? work(session) : runInTransactionScope(scope, () => work(session));
      } catch (error) {
        if (scope !== null) scope.open = false;
        session.discard();
        throw error;
      }
      if (!isPromiseLike(result)) {
        if (scope !== null) scope.open = false;
        commitUnlessFailed(session);
        return result;
      }
      return Promise.resolve(result).then(
        (value) => {
          if (scope !== null) scope.open = false;
          commitUnlessFailed(session);
          return value;
        },
        (error: unknown) => {
          if (scope !== null) scope.open = false;
          session.discard();
          throw error;
        },
      );
    });
  }
}

/**
 * Commits the session, or, when one of its writes failed (whatever the work made of
 * that error), drops every change and throws the failure: nothing half-commits.
 */
function commitUnlessFailed(session: InMemorySession): void {
  if (session.failure === undefined) {
    session.commit();
    return;
  }
  session.discard();
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- re-throws, unchanged, the error the session's write threw
  throw session.failure;
}

function reentrantCallError(method: string): Error {
  return new Error(
    `InMemoryOrionStore.${method}() was called from inside an open transaction of the same ` +
      'store, in the same async flow. Transactions run one at a time, so this call would wait ' +
      'for that transaction to end while the transaction waits for this call, forever. Use the ' +
      "session the open transaction hands out instead (a rule's context.session, the testing " +
      "kit's tx.session and tx.insertFlowRun/insertTaskRun), or make the call after the " +
      'transaction has committed or rolled back.',
  );
}
