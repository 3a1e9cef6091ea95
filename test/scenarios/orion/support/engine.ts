/**
 * The one place the Orion suites build an engine: an `OrionEngine` over a fresh, empty
 * store (in memory, PGlite or a PostgreSQL server: see `stores.ts`), with a manual
 * clock and a seeded random source, plus helpers that create runs already in a given
 * state. Reads of committed data are asynchronous, as a database's are.
 *
 * The engine runs on the generated matrices; RULE_SOURCES (below) is the single
 * switch to the policy classes.
 */
import {
  ManualClock,
  Running,
  seededRandom,
  type OrchestrationResult,
  type RandomSource,
  type State,
} from '../../../../src/index.ts';
import { GENERATED_RULE_SOURCES } from '../../../../scripts/generated-rule-sources.ts';
import {
  createFlowRunPolicy,
  createTaskRunPolicy,
  OrionEngine,
  type FlowRun,
  type OrionRuleSources,
  type OrionRunStore,
  type OrionStore,
  type RunKind,
  type SetRunStateOptions,
  type TaskRun,
  type TransitionRecord,
} from '../../../../src/orion/index.ts';
import type { GivenFlowRun, GivenTaskRun } from '../../../../src/testing/index.ts';
import { createTestStore } from './stores.ts';

// ---------------------------------------------------------------------------------
// RULE_SOURCES — the single switch between rule sources. The suites run on the
// generated matrices, as a hot path would. To run them on the policy classes (the
// dynamic filter) instead, for example while generated/ is being rebuilt, set it to
// ORION_POLICY_CLASSES (exported by src/orion/index.ts).
export const RULE_SOURCES: OrionRuleSources = GENERATED_RULE_SOURCES;
// ---------------------------------------------------------------------------------

/** When every harness clock starts. */
export const START = new Date('2023-02-01T12:00:00.000Z');

export interface OrionHarness {
  engine: OrionEngine;
  store: OrionRunStore;
  clock: ManualClock;
  random: RandomSource;
  /** Every committed orchestration, in order (from the engine's `onTransition`). */
  records: TransitionRecord[];
  /** `{ clock, random }`, for building states that match the engine's time and ids. */
  env: { clock: ManualClock; random: RandomSource };
  /**
   * Adds a flow run and, when `state` is given, forces it into that state (minimal
   * policy plus global transforms, as the server does at creation). Columns given in
   * `init` are then written over whatever the forced transition set, so the run ends
   * exactly as described. Returns the committed run.
   */
  flowRun(init?: GivenFlowRun): Promise<FlowRun>;
  /** As `flowRun`, for a task run; without `flowRunId`, a RUNNING flow run is created for it. */
  taskRun(init?: GivenTaskRun): Promise<TaskRun>;
  /** Writes columns onto a committed run (through a store transaction). */
  patchFlowRun(id: string, columns: Partial<FlowRun>): Promise<FlowRun>;
  patchTaskRun(id: string, columns: Partial<TaskRun>): Promise<TaskRun>;
  /** `flowRun` or `taskRun`, by kind: for scenarios that hold for both. */
  given(kind: RunKind, init?: GivenFlowRun & GivenTaskRun): Promise<FlowRun | TaskRun>;
  /** `engine.setFlowRunState` or `engine.setTaskRunState`, by kind. */
  propose(
    kind: RunKind,
    runId: string,
    state: State | null,
    options?: SetRunStateOptions,
  ): Promise<OrchestrationResult>;
  /** The committed run of either kind. */
  read(kind: 'flow', runId: string): Promise<FlowRun>;
  read(kind: 'task', runId: string): Promise<TaskRun>;
  read(kind: RunKind, runId: string): Promise<FlowRun | TaskRun>;
  /** Slots held on `tag`, or 0 when it has no limit. */
  slots(tag: string): Promise<number>;
}

/** Both run kinds, for `it` loops. */
export const RUN_KINDS: readonly RunKind[] = ['flow', 'task'];

export interface HarnessOptions {
  random?: RandomSource;
  rules?: Partial<OrionRuleSources>;
  /** Wraps the store before the engine gets it (to observe transactions). */
  wrapStore?: (store: OrionRunStore) => OrionStore;
}

export function orionHarness(options: HarnessOptions = {}): OrionHarness {
  const clock = new ManualClock(START);
  const random = options.random ?? seededRandom(7);
  const store = createTestStore();
  const records: TransitionRecord[] = [];
  const engine = new OrionEngine({
    store: options.wrapStore?.(store) ?? store,
    clock,
    random,
    policies: { ...RULE_SOURCES, ...options.rules },
    onTransition: (record) => records.push(record),
  });

  // `async`: the store answers a transaction that never waits directly.
  const patchFlowRun = async (id: string, columns: Partial<FlowRun>): Promise<FlowRun> =>
    store.transaction(async (session) => {
      const run = await session.readFlowRun(id);
      if (run === null) throw new Error(`patchFlowRun: no flow run ${id}.`);
      return structuredClone(Object.assign(run, columns));
    });
  const patchTaskRun = async (id: string, columns: Partial<TaskRun>): Promise<TaskRun> =>
    store.transaction(async (session) => {
      const run = await session.readTaskRun(id);
      if (run === null) throw new Error(`patchTaskRun: no task run ${id}.`);
      return structuredClone(Object.assign(run, columns));
    });

  const expectSettled = (what: string, result: OrchestrationResult): void => {
    if (result.state === null)
      throw new Error(`Could not force ${what} into its starting state: ${JSON.stringify(result)}`);
  };

  const flowRun = async (init: GivenFlowRun = {}): Promise<FlowRun> => {
    const { state, ...columns } = init;
    const run = await store.addFlowRun(columns);
    if (state == null) return run;
    expectSettled(
      `flow run ${run.id}`,
      await engine.setFlowRunState(run.id, state, { force: true }),
    );
    const { id: _id, empiricalPolicy, ...rest } = columns;
    return patchFlowRun(run.id, {
      ...rest,
      ...(empiricalPolicy === undefined
        ? {}
        : { empiricalPolicy: createFlowRunPolicy(empiricalPolicy) }),
    });
  };

  const taskRun = async (init: GivenTaskRun = {}): Promise<TaskRun> => {
    const { state, ...columns } = init;
    const flowRunId =
      columns.flowRunId ?? (await flowRun({ state: Running({}, { clock, random }) })).id;
    const run = await store.addTaskRun({ ...columns, flowRunId });
    if (state == null) return run;
    expectSettled(
      `task run ${run.id}`,
      await engine.setTaskRunState(run.id, state, { force: true }),
    );
    const { id: _id, empiricalPolicy, flowRunId: _flow, ...rest } = columns;
    return patchTaskRun(run.id, {
      ...rest,
      ...(empiricalPolicy === undefined
        ? {}
        : { empiricalPolicy: createTaskRunPolicy(empiricalPolicy) }),
    });
  };

  return {
    engine,
    store,
    clock,
    random,
    records,
    env: { clock, random },
    flowRun,
    taskRun,
    patchFlowRun,
    patchTaskRun,
    given: (kind, init) => (kind === 'flow' ? flowRun(init) : taskRun(init)),
    propose: (kind, runId, state, options) =>
      kind === 'flow'
        ? engine.setFlowRunState(runId, state, options)
        : engine.setTaskRunState(runId, state, options),
    read: (async (kind: RunKind, runId: string) => {
      const run = await (kind === 'flow' ? store.flowRun(runId) : store.taskRun(runId));
      if (run === null) throw new Error(`read: no ${kind} run ${runId}.`);
      return run;
    }) as OrionHarness['read'],
    slots: async (tag) => (await store.concurrencyLimit(tag))?.activeSlots.length ?? 0,
  };
}
