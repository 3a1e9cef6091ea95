/**
 * `OrionTestBed`: a store, an engine, a manual clock and a seeded random source for
 * testing rules written for the Orion preset: create runs in a given state (directly,
 * or forced through the engine), set concurrency limits, begin a transaction held open
 * across awaits, build contexts in it and enter rules on them with `enterNest`, then
 * commit or roll back, and read what was committed. The same test runs on every store:
 * `OrionTestBed.open` creates one (in memory, PGlite or a server) and disposes of it.
 */
import type { Clock, ManualClock } from '../../clock.ts';
import type { RandomSource } from '../../random-source.ts';
import type { OrchestrationResult } from '../../response.ts';
import { createState, type State, type StateEnvironment, type StateInit } from '../../state.ts';
import type { StateName } from '../../state-type.ts';
import { OrionEngine } from '../../orion/engine/orion-engine.ts';
import type { OrionRuleSources } from '../../orion/engine/orion-rule-sources.ts';
import { copyFlowRun, type FlowRun } from '../../orion/runs/flow-run.ts';
import type { RunKind } from '../../orion/runs/run-kind.ts';
import { copyTaskRun, type TaskRun } from '../../orion/runs/task-run.ts';
import type { ConcurrencyLimit } from '../../orion/store/concurrency-limits.ts';
import { InMemoryOrionStore } from '../../orion/store/in-memory-orion-store.ts';
import type { OrionRunStore } from '../../orion/store/orion-run-store.ts';
import type { OrionSession } from '../../orion/store/orion-session.ts';
import type { OrionStoreContents } from '../../orion/store/orion-store-contents.ts';
import { enterTransactionScope } from '../../orion/store/transaction-scope.ts';
import type { KitAsyncDisposable } from '../async-disposable.ts';
import { testEnvironment } from '../test-environment.ts';
import {
  insertGivenFlowRun,
  insertGivenTaskRun,
  type GivenFlowRun,
  type GivenTaskRun,
} from './given-runs.ts';
import { guardedStore } from './guarded-store.ts';
import {
  openTestBedStore,
  type OpenedTestBedStore,
  type TestBedDatabase,
  type TestBedStoreChoice,
} from './test-bed-store.ts';
import { OrionTestTransaction } from './orion-test-transaction.ts';
import {
  callInsideTestTransactionError,
  openTestTransactionOf,
  TestTransactionScope,
} from './test-transaction-scope.ts';

export interface OrionTestBedOptions {
  /** The store under test. Defaults to a new `InMemoryOrionStore`. The bed never closes it. */
  store?: OrionRunStore;
  /** Where the clock starts. Defaults to 2023-02-01T12:00:00.000Z. */
  now?: Date | string | number;
  /** The seed of the random source (run and state ids, jitter). Defaults to 1. */
  seed?: number;
  /** The engine's rule sources; each defaults to the compiled Orion matrix. */
  policies?: Partial<OrionRuleSources>;
}

export interface OrionTestBedOpenOptions extends Omit<OrionTestBedOptions, 'store'> {
  /**
   * The store to create: `'memory'`, `'pglite'` (a schema of its own in an embedded
   * PostgreSQL shared by the process) or `{ url }` (a schema of its own on that
   * server). Disposing of the bed drops the schema; nothing is left behind.
   */
  store: TestBedStoreChoice;
}

export interface ForceStateOptions {
  /**
   * When the state is forced: the transition's "now", and so the state's timestamp
   * (the engine stamps a proposal with its clock). Defaults to the bed's clock.
   */
  at?: Date | string | number;
}

/** Thrown into the held transaction to roll it back; never seen outside. */
const ROLL_BACK = Symbol('roll back');

export class OrionTestBed implements KitAsyncDisposable {
  /**
   * The store under test, as the bed hands it out: a call made from inside an open
   * test transaction (same async flow) is rejected with an error saying so.
   */
  readonly store: OrionRunStore;
  /** An engine on the same store, clock and random source. */
  readonly engine: OrionEngine<OrionRunStore>;
  readonly clock: ManualClock;
  readonly random: RandomSource;
  /** `{ clock, random }`, for the named-state builders: `Running({}, bed.env)`. */
  readonly env: Required<StateEnvironment>;
  /**
   * The database of a store `open` created on PostgreSQL (its client and the bed's
   * schema), for queries beyond the store's API; null otherwise.
   */
  readonly database: TestBedDatabase | null;
  /** The store itself, unguarded (its own re-entrance checks, if any, still apply). */
  readonly #store: OrionRunStore;
  readonly #dispose: () => Promise<void>;
  #disposed = false;

  /**
   * Opens a bed on a store of its own (see `OrionTestBedOpenOptions.store`), ready
   * once the store is: `await using bed = await OrionTestBed.open({ store: 'pglite' })`
   * disposes of the store however the test ends.
   */
  static async open(options: OrionTestBedOpenOptions): Promise<OrionTestBed> {
    const { store: choice, ...rest } = options;
    const environment = testEnvironmentOf(rest);
    // The store ids runs with the bed's own random source, so no two ids collide.
    const opened = await openTestBedStore(choice, environment.random);
    OrionTestBed.#opening = { environment, opened };
    return new OrionTestBed({ ...rest, store: opened.store });
  }

  /** What `open` hands to the constructor it calls next (synchronously). */
  static #opening:
    { environment: ReturnType<typeof testEnvironment>; opened: OpenedTestBedStore } | undefined;

  constructor(options: OrionTestBedOptions = {}) {
    const opening = OrionTestBed.#opening;
    OrionTestBed.#opening = undefined;
    const environment = opening?.environment ?? testEnvironmentOf(options);
    this.clock = environment.clock;
    this.random = environment.random;
    this.env = environment.env;
    this.#store = options.store ?? new InMemoryOrionStore({ random: this.random });
    this.#dispose = opening?.opened.dispose ?? (async () => {});
    this.database = opening?.opened.database ?? null;
    this.store = guardedStore(this.#store);
    this.engine = new OrionEngine({
      store: this.store,
      clock: this.clock,
      random: this.random,
      ...(options.policies === undefined ? {} : { policies: options.policies }),
    });
  }

  /** A new state of `type`, stamped with the bed's clock and an id from its random source. */
  state(type: StateName, init: StateInit = {}): State {
    return createState(type, init, this.env);
  }

  /**
   * Inserts a flow run (see `GivenFlowRun`) in a transaction of its own, its state row
   * written as given, without orchestration; returns the committed run.
   */
  async flowRun(given: GivenFlowRun = {}): Promise<FlowRun> {
    this.#refuseInsideTest('bed.flowRun()');
    return this.store.transaction(async (session) =>
      copyFlowRun(await insertGivenFlowRun(session, given, this.random)),
    );
  }

  /** Inserts a task run (see `GivenTaskRun`) in a transaction of its own; returns the committed run. */
  async taskRun(given: GivenTaskRun = {}): Promise<TaskRun> {
    this.#refuseInsideTest('bed.taskRun()');
    return this.store.transaction(async (session) =>
      copyTaskRun(await insertGivenTaskRun(session, given, this.env)),
    );
  }

  /**
   * Forces run `runId` into `state` through the engine, as Prefect's test fixtures do:
   * the minimal policy plus the global transforms (so run counts, start and end times
   * and the state columns follow), in a transaction of its own. The state gets a fresh
   * id and is stamped `at`. Returns the state the run is in afterwards; throws when the
   * forced transition did not write one (for example, a transform aborted it).
   */
  async forceState(
    kind: RunKind,
    runId: string,
    state: State,
    options: ForceStateOptions = {},
  ): Promise<State> {
    this.#refuseInsideTest('bed.forceState()');
    const engine = options.at === undefined ? this.engine : this.#engineAt(options.at);
    const result: OrchestrationResult =
      kind === 'flow'
        ? await engine.setFlowRunState(runId, state, { force: true })
        : await engine.setTaskRunState(runId, state, { force: true });
    if (result.state === null) {
      throw new Error(
        `bed.forceState could not force ${kind} run ${runId} into ${state.type}: the forced ` +
          `transition ended ${result.status} (${JSON.stringify(result.details)}).`,
      );
    }
    return result.state;
  }

  /**
   * Sets the concurrency limit of `tag` (creating it, or changing it and keeping the
   * runs that hold its slots unless `activeSlots` is given); returns the committed limit.
   */
  async concurrencyLimit(
    tag: string,
    limit: number,
    activeSlots?: readonly string[],
  ): Promise<ConcurrencyLimit> {
    this.#refuseInsideTest('bed.concurrencyLimit()');
    return this.store.setConcurrencyLimit(tag, limit, activeSlots);
  }

  /** Every committed row of the store (see `OrionStoreContents`), in one shape on every store. */
  async contents(): Promise<OrionStoreContents> {
    this.#refuseInsideTest('bed.contents()');
    return this.store.contents();
  }

  /**
   * Begins a transaction and resolves with it once the store hands out its session.
   * It stays open until `commit` or `rollback` (or disposal: `await using tx = await
   * bed.begin()` rolls back whatever was not committed).
   *
   * Call it from the test's own async flow: from then on, until the transaction ends,
   * a store call from that flow through the bed (`bed.flowRun`, `bed.store.addFlowRun`,
   * `bed.engine.setFlowRunState`, another `begin`) is rejected with an error saying
   * so, on every store: it would wait for this transaction, or run outside it. Do such
   * work through `tx`, or after `commit`.
   */
  begin(): Promise<OrionTestTransaction> {
    const store = this.#store;
    if (openTestTransactionOf(store) !== null) {
      return Promise.reject(callInsideTestTransactionError('bed.begin()'));
    }
    if (this.#disposed) return Promise.reject(disposedError('bed.begin()'));
    let settle!: (commit: boolean) => void;
    const decision = new Promise<boolean>((resolve) => (settle = resolve));
    let opened!: (session: OrionSession) => void;
    let failed!: (error: unknown) => void;
    const sessionReady = new Promise<OrionSession>((resolve, reject) => {
      opened = resolve;
      failed = reject;
    });
    const settled = Promise.resolve(
      store.transaction(async (session) => {
        opened(session);
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a private sentinel, caught just below: no user ever sees it
        if (!(await decision)) throw ROLL_BACK;
      }),
    ).catch((error: unknown) => {
      if (error !== ROLL_BACK) throw error;
    });
    // A transaction that fails before handing out its session fails `begin`; a later
    // failure (a failed commit) surfaces from `commit`.
    settled.catch(failed);
    const scope = new TestTransactionScope(store);
    // Synchronously, in the caller's frame: marks the caller's async flow (see above).
    enterTransactionScope(scope);
    return sessionReady.then(
      (session) =>
        new OrionTestTransaction({
          session,
          scope,
          settle,
          settled,
          env: this.env,
          orchestrator: this.engine,
        }),
      (error: unknown) => {
        scope.open = false;
        throw error;
      },
    );
  }

  /**
   * Disposes of the store `OrionTestBed.open` created (drops its schema, closes its
   * pool); a bed constructed on a store of yours leaves it alone. Idempotent.
   */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    await this.#dispose();
  }

  /** `dispose()`: `await using bed = await OrionTestBed.open(…)`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose();
  }

  #refuseInsideTest(call: string): void {
    if (openTestTransactionOf(this.#store) !== null) throw callInsideTestTransactionError(call);
    if (this.#disposed) throw disposedError(call);
  }

  /** An engine like the bed's whose clock stands at `at`. */
  #engineAt(at: Date | string | number): OrionEngine<OrionRunStore> {
    const time = new Date(at);
    if (Number.isNaN(time.getTime())) {
      throw new TypeError(`bed.forceState: at must be a valid time, got ${String(at)}.`);
    }
    const clock: Clock = { now: () => new Date(time.getTime()) };
    return new OrionEngine({
      store: this.store,
      clock,
      random: this.random,
      policies: this.engine.policies,
    });
  }
}

function testEnvironmentOf(options: Pick<OrionTestBedOptions, 'now' | 'seed'>) {
  return testEnvironment({
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
}

function disposedError(call: string): Error {
  return new Error(
    `${call} was called on an OrionTestBed that was disposed of: its store is gone. Open a new bed.`,
  );
}
