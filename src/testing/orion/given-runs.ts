/**
 * Inserting runs for tests, inside a session: a flow or task run with any columns,
 * put directly into a given current state (a state row inserted as is, without
 * orchestration, as Prefect's test fixtures do).
 */
import type { RandomSource } from '../../random-source.ts';
import type { State, StateEnvironment } from '../../state.ts';
import { createState } from '../../state.ts';
import { StateType } from '../../state-type.ts';
import { createFlowRun, type FlowRun, type FlowRunInit } from '../../orion/runs/flow-run.ts';
import type { OrionRun } from '../../orion/runs/orion-run.ts';
import type { RunKind } from '../../orion/runs/run-kind.ts';
import { createTaskRun, type TaskRun, type TaskRunInit } from '../../orion/runs/task-run.ts';
import type { OrionSession } from '../../orion/store/orion-session.ts';

/**
 * A flow run to insert: any column (`tags`, `deploymentId`, `parentTaskRunId`,
 * `empiricalPolicy`, times, counts, …; the id defaults to a fresh one), and `state`,
 * its current state. The state is stored as given (id, timestamp, details, data) and
 * the run's state columns (`stateId`, `stateType`, `stateName`, `stateTimestamp`)
 * follow it.
 */
export type GivenFlowRun = Partial<FlowRunInit> & { state?: State | null };

/**
 * A task run to insert, as `GivenFlowRun`. Without `flowRunId`, a flow run in a
 * RUNNING state is inserted first to be its parent.
 */
export type GivenTaskRun = Partial<TaskRunInit> & { state?: State | null };

export async function insertGivenFlowRun(
  session: OrionSession,
  given: GivenFlowRun,
  random: RandomSource,
): Promise<FlowRun> {
  const { state, ...columns } = given;
  const run = await session.insertFlowRun(
    createFlowRun({ ...columns, id: columns.id ?? random.uuid() }),
  );
  if (state != null) await setCurrentState(session, 'flow', run, state);
  return run;
}

export async function insertGivenTaskRun(
  session: OrionSession,
  given: GivenTaskRun,
  env: Required<StateEnvironment>,
): Promise<TaskRun> {
  const { state, ...columns } = given;
  const flowRunId =
    columns.flowRunId ??
    (
      await insertGivenFlowRun(
        session,
        { state: createState(StateType.RUNNING, {}, env) },
        env.random,
      )
    ).id;
  const run = await session.insertTaskRun(
    createTaskRun({ ...columns, flowRunId, id: columns.id ?? env.random.uuid() }),
  );
  if (state != null) await setCurrentState(session, 'task', run, state);
  return run;
}

async function setCurrentState(
  session: OrionSession,
  kind: RunKind,
  run: OrionRun,
  state: State,
): Promise<void> {
  await session.insertRunState(kind, run.id, state);
  run.stateId = state.id;
  run.stateType = state.type;
  run.stateName = state.name;
  run.stateTimestamp = new Date(state.timestamp.getTime());
}
