/**
 * `OrionTestTransaction`: a store transaction held open across the awaits of a test,
 * with its session at hand, until the test commits or rolls it back (or `await using`
 * rolls it back). Created by `OrionTestBed.begin`.
 */
import type { Clock } from '../../clock.ts';
import type { RandomSource } from '../../random-source.ts';
import type { State } from '../../state.ts';
import type { StateEnvironment } from '../../state.ts';
import type { OrionContext } from '../../orion/contexts/orion-context.ts';
import { FlowOrchestrationContext } from '../../orion/contexts/flow-orchestration-context.ts';
import { TaskOrchestrationContext } from '../../orion/contexts/task-orchestration-context.ts';
import type { TaskRunOrchestrator } from '../../orion/contexts/task-run-orchestrator.ts';
import type { FlowRun } from '../../orion/runs/flow-run.ts';
import type { RunKind } from '../../orion/runs/run-kind.ts';
import type { TaskRun } from '../../orion/runs/task-run.ts';
import type { OrionSession } from '../../orion/store/orion-session.ts';
import type { TransactionScope } from '../../orion/store/transaction-scope.ts';
import {
  insertGivenFlowRun,
  insertGivenTaskRun,
  type GivenFlowRun,
  type GivenTaskRun,
} from './given-runs.ts';
import type { KitAsyncDisposable } from '../async-disposable.ts';

export interface OrionTestContextOptions {
  /** Orchestration parameters, for example `{ 'api-version': '0.8.2' }`. Copied. */
  parameters?: Record<string, unknown>;
  /** The context's clock ("now" for the rules). Defaults to the bed's. */
  clock?: Clock;
  /** The context's random source (jitter, ids). Defaults to the bed's. */
  random?: RandomSource;
}

/** What `OrionTestBed.begin` hands over; not constructed directly. */
export interface OrionTestTransactionInit {
  session: OrionSession;
  scope: TransactionScope;
  settle: (commit: boolean) => void;
  settled: Promise<void>;
  env: Required<StateEnvironment>;
  orchestrator: TaskRunOrchestrator;
}

export class OrionTestTransaction implements KitAsyncDisposable {
  /**
   * The open session: read runs (`readFlowRun`, `readTaskRun`), state rows
   * (`readState`, `readRunStates`), cache entries (`readCacheEntry`) and limits
   * (`readConcurrencyLimit`) as they stand inside the transaction, uncommitted
   * changes included.
   */
  readonly session: OrionSession;
  readonly #init: OrionTestTransactionInit;
  #outcome: 'open' | 'committed' | 'rolled back' = 'open';

  constructor(init: OrionTestTransactionInit) {
    this.session = init.session;
    this.#init = init;
  }

  /** True until `commit` or `rollback`. */
  get open(): boolean {
    return this.#outcome === 'open';
  }

  /** Inserts a flow run in this transaction (see `GivenFlowRun`) and returns its working copy. */
  insertFlowRun(given: GivenFlowRun = {}): Promise<FlowRun> {
    return insertGivenFlowRun(this.session, given, this.#init.env.random);
  }

  /** Inserts a task run in this transaction (see `GivenTaskRun`) and returns its working copy. */
  insertTaskRun(given: GivenTaskRun = {}): Promise<TaskRun> {
    return insertGivenTaskRun(this.session, given, this.#init.env);
  }

  /**
   * The context of proposing `proposed` for run `runId`, inside this transaction: the
   * run is the session's working copy, the initial state its current state row, and
   * `proposed` is used as given (unlike the engine, which gives a proposal a fresh id
   * and timestamp). `kind` may be a variable: the overload for `RunKind` returns
   * either context. Flow contexts orchestrate subflow parent tasks through the bed's
   * engine. Throws when the run does not exist.
   */
  context(
    kind: 'flow',
    runId: string,
    proposed: State | null,
    options?: OrionTestContextOptions,
  ): Promise<FlowOrchestrationContext>;
  context(
    kind: 'task',
    runId: string,
    proposed: State | null,
    options?: OrionTestContextOptions,
  ): Promise<TaskOrchestrationContext>;
  context(
    kind: RunKind,
    runId: string,
    proposed: State | null,
    options?: OrionTestContextOptions,
  ): Promise<OrionContext>;
  async context(
    kind: RunKind,
    runId: string,
    proposed: State | null,
    options: OrionTestContextOptions = {},
  ): Promise<OrionContext> {
    const session = this.session;
    const run =
      kind === 'flow' ? await session.readFlowRun(runId) : await session.readTaskRun(runId);
    if (run === null) {
      throw new Error(
        `There is no ${kind} run ${runId} in this transaction: insert it first (tx.insert${kind === 'flow' ? 'Flow' : 'Task'}Run, or the bed's ${kind}Run before begin).`,
      );
    }
    const initialState = run.stateId === null ? null : await session.readState(kind, run.stateId);
    const common = {
      session,
      initialState,
      proposedState: proposed,
      parameters: { ...options.parameters },
      clock: options.clock ?? this.#init.env.clock,
      random: options.random ?? this.#init.env.random,
    };
    return kind === 'flow'
      ? new FlowOrchestrationContext({
          ...common,
          run: run as FlowRun,
          orchestrator: this.#init.orchestrator,
        })
      : new TaskOrchestrationContext({ ...common, run: run as TaskRun });
  }

  /** Commits everything done through the session; resolves once the store has written it. */
  async commit(): Promise<void> {
    this.#settle('committed', true);
    await this.#init.settled;
  }

  /** Drops everything done through the session. */
  async rollback(): Promise<void> {
    this.#settle('rolled back', false);
    await this.#init.settled;
  }

  /** Rolls back unless already committed or rolled back. */
  async [Symbol.asyncDispose](): Promise<void> {
    if (this.open) await this.rollback();
  }

  #settle(outcome: 'committed' | 'rolled back', commit: boolean): void {
    if (this.#outcome !== 'open') {
      throw new Error(
        `This transaction was already ${this.#outcome}: commit or roll back once. Begin a new transaction for more work.`,
      );
    }
    this.#outcome = outcome;
    this.#init.scope.open = false;
    this.#init.settle(commit);
  }
}
