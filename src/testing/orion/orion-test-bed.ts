/**
 * `OrionTestBed`: a store, an engine, a manual clock and a seeded random source for
 * testing rules written for the Orion preset: create runs in a given state, begin a
 * transaction held open across awaits, build contexts in it and enter rules on them
 * with `enterNest`, then commit or roll back.
 */
import type { ManualClock } from '../../clock.ts';
import type { RandomSource } from '../../random-source.ts';
import { createState, type State, type StateEnvironment, type StateInit } from '../../state.ts';
import type { StateName } from '../../state-type.ts';
import { OrionEngine } from '../../orion/engine/orion-engine.ts';
import type { OrionRuleSources } from '../../orion/engine/orion-rule-sources.ts';
import { copyFlowRun, type FlowRun } from '../../orion/runs/flow-run.ts';
import { copyTaskRun, type TaskRun } from '../../orion/runs/task-run.ts';
import { InMemoryOrionStore } from '../../orion/store/in-memory-orion-store.ts';
import type { OrionSession } from '../../orion/store/orion-session.ts';
import type { OrionStore } from '../../orion/store/orion-store.ts';
import {
  enterTransactionScope,
  openTransactionOf,
  TransactionScope,
} from '../../orion/store/transaction-scope.ts';
import { testEnvironment } from '../test-environment.ts';
import {
  insertGivenFlowRun,
  insertGivenTaskRun,
  type GivenFlowRun,
  type GivenTaskRun,
} from './given-runs.ts';
import { OrionTestTransaction } from './orion-test-transaction.ts';

export interface OrionTestBedOptions {
  /** The store under test. Defaults to a new `InMemoryOrionStore`. */
  store?: OrionStore;
  /** Where the clock starts. Defaults to 2023-02-01T12:00:00.000Z. */
  now?: Date | string | number;
  /** The seed of the random source (run and state ids, jitter). Defaults to 1. */
  seed?: number;
  /** The engine's rule sources; each defaults to its Orion policy class. */
  policies?: Partial<OrionRuleSources>;
}

/** Thrown into the held transaction to roll it back; never seen outside. */
const ROLL_BACK = Symbol('roll back');

export class OrionTestBed {
  readonly store: OrionStore;
  /** An engine on the same store, clock and random source. */
  readonly engine: OrionEngine;
  readonly clock: ManualClock;
  readonly random: RandomSource;
  /** `{ clock, random }`, for the named-state builders: `Running({}, bed.env)`. */
  readonly env: Required<StateEnvironment>;

  constructor(options: OrionTestBedOptions = {}) {
    const environment = testEnvironment({
      ...(options.now === undefined ? {} : { now: options.now }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    });
    this.clock = environment.clock;
    this.random = environment.random;
    this.env = environment.env;
    this.store = options.store ?? new InMemoryOrionStore({ random: this.random });
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

  /** Inserts a flow run (see `GivenFlowRun`) in a transaction of its own; returns the committed run. */
  async flowRun(given: GivenFlowRun = {}): Promise<FlowRun> {
    return this.store.transaction(async (session) =>
      copyFlowRun(await insertGivenFlowRun(session, given, this.random)),
    );
  }

  /** Inserts a task run (see `GivenTaskRun`) in a transaction of its own; returns the committed run. */
  async taskRun(given: GivenTaskRun = {}): Promise<TaskRun> {
    return this.store.transaction(async (session) =>
      copyTaskRun(await insertGivenTaskRun(session, given, this.env)),
    );
  }

  /**
   * Begins a transaction and resolves with it once the store hands out its session.
   * It stays open until `commit` or `rollback` (or disposal: `await using tx = await
   * bed.begin()` rolls back whatever was not committed).
   *
   * Call it from the test's own async flow: from then on, until the transaction ends,
   * an `InMemoryOrionStore` rejects store calls made from that flow (`store.addFlowRun`,
   * `bed.flowRun`, `engine.setFlowRunState`, another `begin`), which would otherwise
   * wait for this transaction forever. Do such work through `tx`, or after `commit`.
   */
  begin(): Promise<OrionTestTransaction> {
    const store = this.store;
    const alreadyInside = openTransactionOf(store) !== null;
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
    const scope = new TransactionScope(store);
    // Synchronously, in the caller's frame: marks the caller's async flow (see above).
    // When the caller is already inside a transaction the store rejects this one.
    if (!alreadyInside) enterTransactionScope(scope);
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
}
