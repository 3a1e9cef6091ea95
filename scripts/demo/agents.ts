/**
 * The demo's agents: what a worker, a flow engine and an operator would do against the
 * Orion entry points. A flow agent schedules its run, starts it, runs its task runs
 * concurrently, handles pauses, cancellation and retries; a task agent proposes
 * RUNNING until admitted (waiting on slots and schedules), works, then proposes its
 * outcome; operators resume paused runs and cancel running ones.
 */
import {
  AwaitingRetry,
  Cancelled,
  Cancelling,
  Completed,
  Failed,
  isTerminal,
  Paused,
  Pending,
  Running,
  Scheduled,
  SetStateStatus,
  StateType,
  type OrchestrationResult,
  type RandomSource,
  type State,
  type StateName,
} from '../../src/index.ts';
import type { OrionEngine, RunKind } from '../../src/orion/index.ts';
import type { DemoStore } from './demo-store.ts';
import type { Simulation } from './simulation.ts';
import type { FlowPlan, PausePlan, TaskPlan } from './workload.ts';

export interface DemoWorld {
  engine: OrionEngine;
  store: DemoStore;
  sim: Simulation;
  /** Decides task outcomes (separate from the engine's source, so plans stay stable). */
  outcomes: RandomSource;
}

/** Seconds a task waits before asking again after its flow parked it as NotReady. */
const NOT_READY_RETRY_SECONDS = 15;

/** Drives one flow run (a subflow when `parentTaskRunId` is set) to its end; returns its final type. */
export async function runFlow(
  world: DemoWorld,
  plan: FlowPlan,
  parentTaskRunId: string | null = null,
) {
  const { engine, store, sim } = world;
  const env = { clock: sim.clock, random: engine.random };
  const run = await store.addFlowRun({
    deploymentId: plan.deployed ? 'deployment-1' : null,
    parentTaskRunId,
    empiricalPolicy: { retries: plan.retries, retryDelay: plan.retryDelay },
  });
  const startAt = new Date(sim.clock.now().getTime() + plan.startOffsetSeconds * 1000);
  await engine.setFlowRunState(
    run.id,
    Scheduled({ stateDetails: { scheduledTime: startAt } }, env),
    { force: true },
  );
  await sim.sleepUntil(startAt);
  if (plan.cancelAfterSeconds !== null) void cancelLater(world, run.id, plan.cancelAfterSeconds);

  const taskRunIds = new Map<TaskPlan, string>();
  const cancel = () => finishCancelled(world, run.id, [...taskRunIds.values()]);
  let manuallyRetried = false;
  for (let attempt = 1; ; attempt++) {
    const started = await startFlowRun(world, run.id);
    if (!started) return cancel();
    let pauseOutcome: Promise<StateName | null> = Promise.resolve(StateType.RUNNING);
    if (plan.pause !== null && attempt === 1) {
      if (plan.pause.reschedule) {
        // A rescheduling pause happens before any work: the run goes back to the scheduler.
        const after = await pauseFlowRun(world, run.id, plan.pause);
        if (after !== StateType.RUNNING) return after;
      } else {
        pauseOutcome = sim
          .sleep(plan.pause.afterSeconds)
          .then(() => pauseFlowRun(world, run.id, plan.pause!));
      }
    }
    const outcomes = await Promise.all(
      plan.tasks.map(async (task, index) => {
        await sim.sleep(index * 2);
        return runTaskOf(world, run.id, task, taskRunIds);
      }),
    );
    const afterPause = await pauseOutcome;
    if (afterPause !== StateType.RUNNING && afterPause !== null && isTerminal(afterPause))
      return afterPause;

    // The flow reports its outcome without knowing whether an operator cancelled it
    // meanwhile; a cancelling run rejects it (HandleCancellingStateTransitions).
    const failed = outcomes.some((type) => type !== StateType.COMPLETED);
    const result = await engine.setFlowRunState(
      run.id,
      failed ? Failed({ message: 'a task failed' }, env) : Completed({}, env),
    );
    if (result.status === SetStateStatus.REJECT && result.state?.name === 'AwaitingRetry') {
      await sim.sleepUntil(result.state.stateDetails.scheduledTime!);
      continue;
    }
    if ((await store.flowRun(run.id))?.stateType === StateType.CANCELLING) return cancel();
    if (result.state?.type === StateType.FAILED && plan.manualRetry && !manuallyRetried) {
      // An operator retries the failed run by hand: only deployed runs may be restarted,
      // and the run count is not reset, so automatic retries do not fire again.
      manuallyRetried = true;
      await sim.sleep(60);
      const retry = await engine.setFlowRunState(run.id, AwaitingRetry({}, env));
      if (retry.status === SetStateStatus.ACCEPT) continue;
    }
    return result.state?.type ?? null;
  }
}

/** SCHEDULED → PENDING → RUNNING, waiting as told; false when the run was stopped instead. */
async function startFlowRun(world: DemoWorld, flowRunId: string): Promise<boolean> {
  const env = { clock: world.sim.clock, random: world.engine.random };
  for (const build of [Pending, Running]) {
    const result = await untilNotWaiting(world, 'flow', flowRunId, () => build({}, env));
    if (result.status !== SetStateStatus.ACCEPT) return false;
  }
  return true;
}

/**
 * Pauses the run and has an operator resume it later; returns the run's type once the
 * pause is over (RUNNING again, or FAILED when the resume came after the timeout).
 */
async function pauseFlowRun(
  world: DemoWorld,
  flowRunId: string,
  plan: PausePlan,
): Promise<StateName | null> {
  const { engine, store, sim } = world;
  const env = { clock: sim.clock, random: engine.random };
  const paused = await engine.setFlowRunState(
    flowRunId,
    Paused(
      { timeoutSeconds: plan.timeoutSeconds, reschedule: plan.reschedule, pauseKey: 'approval' },
      {},
      env,
    ),
  );
  if (paused.status !== SetStateStatus.ACCEPT)
    return (await store.flowRun(flowRunId))?.stateType ?? null;
  void sim.sleep(plan.resumeAfterSeconds).then(() => engine.resumeFlowRun(flowRunId));
  let type = (await store.flowRun(flowRunId))?.stateType ?? null;
  while (type === StateType.PAUSED) {
    await sim.sleep(5);
    type = (await store.flowRun(flowRunId))?.stateType ?? null;
  }
  if (type === StateType.SCHEDULED) {
    // Resumed from a rescheduling pause: start again (no new run is counted).
    return (await startFlowRun(world, flowRunId))
      ? StateType.RUNNING
      : ((await store.flowRun(flowRunId))?.stateType ?? null);
  }
  return type;
}

/** Runs (or re-runs, on a flow retry) one task of a flow; returns its type afterwards. */
async function runTaskOf(
  world: DemoWorld,
  flowRunId: string,
  plan: TaskPlan,
  taskRunIds: Map<TaskPlan, string>,
): Promise<StateName | null> {
  const { engine, store } = world;
  const known = taskRunIds.get(plan);
  if (plan.subflow !== null) {
    if (known !== undefined) return (await store.taskRun(known))?.stateType ?? null; // subflows are not re-run
    const parent = await store.addTaskRun({ flowRunId });
    taskRunIds.set(plan, parent.id);
    await runFlow(world, plan.subflow, parent.id);
    return (await store.taskRun(parent.id))?.stateType ?? null;
  }
  if (known !== undefined && (await store.taskRun(known))?.stateType === StateType.COMPLETED)
    return StateType.COMPLETED;
  let taskRunId = known;
  if (taskRunId === undefined) {
    const task = await store.addTaskRun({
      flowRunId,
      tags: plan.tags,
      empiricalPolicy: {
        retries: plan.retries,
        retryDelay: plan.retryDelay,
        retryJitterFactor: plan.retryJitterFactor,
      },
    });
    taskRunId = task.id;
    taskRunIds.set(plan, taskRunId);
    await engine.setTaskRunState(
      taskRunId,
      Pending({}, { clock: world.sim.clock, random: engine.random }),
      {
        force: true,
      },
    );
  }
  return runTask(world, taskRunId, plan);
}

async function runTask(
  world: DemoWorld,
  taskRunId: string,
  plan: TaskPlan,
): Promise<StateName | null> {
  const { engine, sim } = world;
  const env = { clock: sim.clock, random: engine.random };
  for (;;) {
    const started = await untilNotWaiting(world, 'task', taskRunId, () =>
      Running({ stateDetails: { cacheKey: plan.cacheKey } }, env),
    );
    if (started.status === SetStateStatus.REJECT && started.state?.name === 'NotReady') {
      await sim.sleep(NOT_READY_RETRY_SECONDS);
      continue;
    }
    if (started.status !== SetStateStatus.ACCEPT) return started.state?.type ?? null; // cached, or aborted
    await sim.sleep(plan.durationSeconds);
    const fails = world.outcomes.random() < plan.failureRate;
    const outcome: State = fails
      ? Failed({ message: 'the task raised' }, env)
      : Completed(
          {
            data: { rows: Math.floor(world.outcomes.random() * 1000) },
            stateDetails: {
              cacheKey: plan.cacheKey,
              cacheExpiration: new Date(sim.clock.now().getTime() + 3600_000),
            },
          },
          env,
        );
    const ended = await engine.setTaskRunState(taskRunId, outcome);
    // AwaitingRetry: the next RUNNING proposal waits until its scheduled time.
    if (ended.status === SetStateStatus.REJECT && ended.state?.name === 'AwaitingRetry') continue;
    return ended.state?.type ?? null;
  }
}

/** Proposes until the answer is not WAIT, sleeping for the delay each WAIT asks for. */
async function untilNotWaiting(
  world: DemoWorld,
  kind: RunKind,
  runId: string,
  proposal: () => State,
): Promise<OrchestrationResult> {
  const { engine, sim } = world;
  for (;;) {
    const result =
      kind === 'flow'
        ? await engine.setFlowRunState(runId, proposal())
        : await engine.setTaskRunState(runId, proposal());
    if (result.details.type !== 'wait_details') return result;
    await sim.sleep(result.details.delaySeconds);
  }
}

/** An operator cancels the flow run `seconds` from now, if it is running then. */
async function cancelLater(world: DemoWorld, flowRunId: string, seconds: number): Promise<void> {
  const { engine, store, sim } = world;
  await sim.sleep(seconds);
  if ((await store.flowRun(flowRunId))?.stateType !== StateType.RUNNING) return;
  await engine.setFlowRunState(
    flowRunId,
    Cancelling({}, { clock: sim.clock, random: engine.random }),
  );
}

/** Cancellation cleanup (forced, as the server does), then CANCELLING → CANCELLED. */
async function finishCancelled(
  world: DemoWorld,
  flowRunId: string,
  taskRunIds: readonly string[],
): Promise<StateName | null> {
  const { engine, store, sim } = world;
  const env = { clock: sim.clock, random: engine.random };
  if ((await store.flowRun(flowRunId))?.stateType !== StateType.CANCELLING)
    return (await store.flowRun(flowRunId))?.stateType ?? null;
  for (const taskRunId of taskRunIds) {
    if (!isTerminal((await store.taskRun(taskRunId))?.stateType)) {
      await engine.setTaskRunState(taskRunId, Cancelled({}, env), { force: true });
    }
  }
  return (await engine.setFlowRunState(flowRunId, Cancelled({}, env))).state?.type ?? null;
}
