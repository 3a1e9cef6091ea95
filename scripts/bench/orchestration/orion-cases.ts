/**
 * The orchestration cases of the "orion" workload: the real Orion task rules and
 * transforms, with the in-memory store, through the preset's entry point, per
 * transition. Each rep drives two fresh task runs of a RUNNING flow run (tag `bench`,
 * with a concurrency limit, one retry without delay): one through PENDING → RUNNING →
 * COMPLETED, one through PENDING → RUNNING → FAILED (rejected into AwaitingRetry) →
 * PENDING → RUNNING → COMPLETED; nine transitions.
 *
 * - `prefect-port`: a port of Prefect's `set_task_run_state` (read the run and its
 *   state in a store transaction, build the task context, then the Prefect port's loop
 *   over adapters of the real rules: dynamic filter, exit stack, safe copies);
 * - `generated`: `OrionEngine.setTaskRunState` with the generated task matrices;
 * - `generated-long-lived`: the same, on a store that already holds at least 10,000
 *   runs reached through varied histories (long-lived-store.ts), shared by every
 *   sample, so it only grows;
 * - `orchestrate-dynamic`: the same entry point with the policy classes (its default).
 *
 * All cases use the same store class and the same copies; only the orchestration
 * machinery differs between `prefect-port` and `generated`. The store, the flow run and
 * the task runs of a sample are created untimed in `prepare`. `verifyOrionCases` runs
 * one rep per case before timing and checks that all give the same statuses, states,
 * signatures and run records.
 */
import {
  Completed,
  copyState,
  Failed,
  ManualClock,
  Pending,
  Running,
  seededRandom,
  type OrchestrationResult,
  type RuleSource,
  type State,
} from '../../../src/index.ts';
import {
  commitRunState,
  InMemoryOrionStore,
  OrionEngine,
  TaskOrchestrationContext,
  type OrionRuleSources,
} from '../../../src/orion/index.ts';
import type { BenchCase } from '../../../codegen/bench/harness/bench-case.ts';
import { longLivedStore, type LongLivedStore } from './long-lived-store.ts';
import type { PrefectPolicyClass } from '../prefect-port/prefect-policy.ts';
import { prefectSetState } from '../prefect-port/prefect-set-state.ts';

export interface OrionSources {
  port: {
    core: PrefectPolicyClass<TaskOrchestrationContext>;
    global: PrefectPolicyClass<TaskOrchestrationContext>;
  };
  /** The generated task matrices, as engine rule sources. */
  generated: { core: RuleSource; global: RuleSource };
}

/** Proposes `state` for task run `taskRunId`. */
type SetTaskRunState = (taskRunId: string, state: State) => Promise<OrchestrationResult>;

interface Fixture {
  store: InMemoryOrionStore;
  taskRunIds: string[];
}

const TRANSITIONS_PER_REP = 9;
const clock = new ManualClock();
/** The long-lived store's history moves its own clock (the measured transitions' stays put). */
const historyClock = new ManualClock();
const random = seededRandom(6);
const env = { clock, random };
const PROPOSALS = {
  pending: Pending({}, env),
  running: Running({}, env),
  completed: Completed({}, env),
  failed: Failed({}, env),
};

/** The two lifecycles of one rep, as proposals to two task runs. */
async function driveRep(set: SetTaskRunState, first: string, second: string): Promise<number> {
  const { pending, running, completed, failed } = PROPOSALS;
  let sum = 0;
  for (const proposal of [pending, running, completed])
    sum += (await set(first, proposal)).status.length;
  for (const proposal of [pending, running, failed, pending, running, completed]) {
    sum += (await set(second, proposal)).status.length;
  }
  return sum;
}

/**
 * A fresh store with a RUNNING flow run, a generous `bench` limit and `2 × reps` task
 * runs; with `longLived`, that store (which has them already) gets the task runs.
 */
async function fixture(reps: number, longLived?: LongLivedStore): Promise<Fixture> {
  let store: InMemoryOrionStore;
  let flowRunId: string;
  if (longLived === undefined) {
    store = new InMemoryOrionStore({ random });
    const setup = new OrionEngine({ store, clock, random });
    const flow = await store.addFlowRun({});
    await setup.setFlowRunState(flow.id, Running({}, env), { force: true });
    await store.setConcurrencyLimit('bench', 1_000_000);
    flowRunId = flow.id;
  } else {
    store = longLived.store;
    flowRunId = longLived.flowRunId;
  }
  const taskRunIds: string[] = [];
  for (let i = 0; i < 2 * reps; i++) {
    const task = await store.addTaskRun({
      flowRunId,
      tags: ['bench'],
      empiricalPolicy: { retries: 1, retryDelay: 0 },
    });
    taskRunIds.push(task.id);
  }
  return { store, taskRunIds };
}

let longLived: Promise<LongLivedStore> | null = null;

/** The long-lived store, built on first use and shared by every sample afterwards. */
function theLongLivedStore(generated: OrionSources['generated']): Promise<LongLivedStore> {
  longLived ??= longLivedStore(
    { coreTask: generated.core, globalTask: generated.global },
    historyClock,
    random,
  );
  return longLived;
}

/** Prefect's `set_task_run_state` over the port's loop; `observe` sees each context. */
function portSetTaskRunState(
  store: InMemoryOrionStore,
  port: OrionSources['port'],
  observe?: (context: TaskOrchestrationContext) => void,
): SetTaskRunState {
  return async (taskRunId, state) => {
    const proposal = copyState(state, env);
    return store.transaction(async (session) => {
      const run = await session.readTaskRun(taskRunId);
      if (run === null) throw new Error(`Task run ${taskRunId} is missing from the bench store.`);
      const initialState =
        run.stateId === null ? null : await session.readState('task', run.stateId);
      const context = new TaskOrchestrationContext({
        session,
        run,
        initialState,
        proposedState: proposal,
        parameters: {},
        clock,
        random,
      });
      const result = await prefectSetState({
        context,
        policy: port.core,
        globalPolicy: port.global,
        commit: commitRunState,
      });
      observe?.(context);
      return result;
    });
  };
}

export function orionCases(sources: OrionSources): BenchCase[] {
  const engineCase = (
    name: string,
    policies: Partial<OrionRuleSources>,
    store: () => Promise<LongLivedStore | undefined> = async () => undefined,
  ): BenchCase => {
    let current: { fixture: Fixture; engine: OrionEngine } | null = null;
    return {
      name,
      opsPerRep: TRANSITIONS_PER_REP,
      async prepare(reps) {
        const f = await fixture(reps, await store());
        current = {
          fixture: f,
          engine: new OrionEngine({ store: f.store, clock, random, policies }),
        };
      },
      async run(reps) {
        const { fixture: f, engine } = current!;
        const set: SetTaskRunState = (id, state) => engine.setTaskRunState(id, state);
        let sum = 0;
        for (let r = 0; r < reps; r++)
          sum += await driveRep(set, f.taskRunIds[2 * r]!, f.taskRunIds[2 * r + 1]!);
        return sum;
      },
    };
  };
  let portFixture: Fixture | null = null;
  return [
    {
      name: 'prefect-port',
      opsPerRep: TRANSITIONS_PER_REP,
      async prepare(reps) {
        portFixture = await fixture(reps);
      },
      async run(reps) {
        const f = portFixture!;
        const set = portSetTaskRunState(f.store, sources.port);
        let sum = 0;
        for (let r = 0; r < reps; r++)
          sum += await driveRep(set, f.taskRunIds[2 * r]!, f.taskRunIds[2 * r + 1]!);
        return sum;
      },
    },
    engineCase('generated', {
      coreTask: sources.generated.core,
      globalTask: sources.generated.global,
    }),
    engineCase(
      'generated-long-lived',
      { coreTask: sources.generated.core, globalTask: sources.generated.global },
      () => theLongLivedStore(sources.generated),
    ),
    engineCase('orchestrate-dynamic', {}),
  ];
}

/**
 * Runs one rep through each case on fresh stores and throws, naming the transition and
 * the case, unless every case gives the same status, validated state, rule and
 * finalization signatures, and final task-run records as the Prefect port.
 */
export async function verifyOrionCases(sources: OrionSources): Promise<void> {
  const outcomes = async (
    name: string,
    setFor: (f: Fixture, log: string[]) => SetTaskRunState,
    long?: LongLivedStore,
  ): Promise<[string, string[]]> => {
    const f = await fixture(1, long);
    const log: string[] = [];
    const set = setFor(f, log);
    const [first, second] = [f.taskRunIds[0]!, f.taskRunIds[1]!];
    const results: OrchestrationResult[] = [];
    const recording: SetTaskRunState = async (id, state) => {
      const result = await set(id, state);
      results.push(result);
      return result;
    };
    await driveRep(recording, first, second);
    const lines = results.map(
      (r, i) =>
        `${r.status} ${r.state?.type ?? null}/${r.state?.name ?? null} ${log[i] ?? 'no signature'}`,
    );
    for (const id of [first, second]) {
      const run = f.store.taskRun(id)!;
      lines.push(
        `run: ${run.stateType}/${run.stateName} runCount ${run.runCount} flowRunRunCount ${run.flowRunRunCount} ` +
          `totalRunTime ${run.totalRunTime} start ${run.startTime?.toISOString() ?? null} end ${run.endTime?.toISOString() ?? null}`,
      );
    }
    return [name, lines];
  };
  const signature = (before: readonly string[], after: readonly string[]): string =>
    `before: ${before.join(', ')}; after: ${after.join(', ')}`;
  const all = [
    await outcomes('prefect-port', (f, log) =>
      portSetTaskRunState(f.store, sources.port, (context) =>
        log.push(signature(context.ruleSignature, context.finalizationSignature)),
      ),
    ),
    ...(await Promise.all(
      (
        [
          ['generated', { coreTask: sources.generated.core, globalTask: sources.generated.global }],
          ['orchestrate-dynamic', {}],
        ] as const
      ).map(([name, policies]) =>
        outcomes(name, (f, log) => {
          const engine = new OrionEngine({
            store: f.store,
            clock,
            random,
            policies,
            onTransition: (record) =>
              log.push(signature(record.ruleSignature, record.finalizationSignature)),
          });
          return (id, state) => engine.setTaskRunState(id, state);
        }),
      ),
    )),
  ];
  const generated = { coreTask: sources.generated.core, globalTask: sources.generated.global };
  all.push(
    await outcomes(
      'generated-long-lived',
      (f, log) => {
        const engine = new OrionEngine({
          store: f.store,
          clock,
          random,
          policies: generated,
          onTransition: (record) =>
            log.push(signature(record.ruleSignature, record.finalizationSignature)),
        });
        return (id, state) => engine.setTaskRunState(id, state);
      },
      await theLongLivedStore(sources.generated),
    ),
  );
  const [, expected] = all[0]!;
  for (const [name, lines] of all) {
    lines.forEach((line, i) => {
      if (line !== expected[i]) {
        throw new Error(
          `Orion case ${name} differs from the Prefect port at step ${i + 1}:\n  port: ${expected[i]}\n  ${name}: ${line}\n` +
            'The bench only compares runs that behave the same.',
        );
      }
    });
  }
}

/**
 * For the profiling driver: `reps` reps of the `generated` case (on a fresh store or
 * the long-lived one) outside the sampler. Returns the number of transitions and the
 * nanoseconds they took (set-up excluded).
 */
export async function orionProfileRun(
  generated: OrionSources['generated'],
  reps: number,
  variant: 'fresh' | 'long-lived',
): Promise<{ transitions: number; ns: number }> {
  const f = await fixture(
    reps,
    variant === 'long-lived' ? await theLongLivedStore(generated) : undefined,
  );
  const engine = new OrionEngine({
    store: f.store,
    clock,
    random,
    policies: { coreTask: generated.core, globalTask: generated.global },
  });
  const set: SetTaskRunState = (id, state) => engine.setTaskRunState(id, state);
  const started = process.hrtime.bigint();
  for (let r = 0; r < reps; r++)
    await driveRep(set, f.taskRunIds[2 * r]!, f.taskRunIds[2 * r + 1]!);
  return { transitions: reps * TRANSITIONS_PER_REP, ns: Number(process.hrtime.bigint() - started) };
}
