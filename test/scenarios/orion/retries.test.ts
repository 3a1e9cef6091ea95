/**
 * Automatic flow and task retries, rerun names, manual flow retries and task reruns
 * out of a terminal state, under the core policies: scenarios 19–23, from Prefect's
 * orchestration tests.
 */
import { describe, expect, it } from 'vitest';
import {
  AwaitingRetry,
  Crashed,
  Failed,
  Cancelled,
  Late,
  Running,
  Scheduled,
  seededRandom,
  SetStateStatus,
  StateType,
  type RandomSource,
} from '../../../src/index.ts';
import {
  HandleTaskTerminalStateTransitions,
  RenameReruns,
  RetryFailedFlows,
  RetryFailedTasks,
  UpdateFlowRunTrackerOnTasks,
  type TaskRunPolicyInit,
} from '../../../src/orion/index.ts';
import { orionHarness, type OrionHarness } from './support/engine.ts';
import { policyOf, rejectingInto } from './support/test-rules.ts';

const secondsAhead = (h: OrionHarness, date: Date | null | undefined): number =>
  (date!.getTime() - h.clock.now().getTime()) / 1000;

describe(`${RetryFailedFlows.name} (scenario 19)`, () => {
  it('reschedules a failing flow run with retries left (run count 1, retries 1): REJECT into AwaitingRetry', async () => {
    const h = orionHarness();
    const run = await h.flowRun({
      state: Running({}, h.env),
      empiricalPolicy: { retries: 1, retryDelay: 10 },
    });
    expect(run.runCount).toBe(1);

    const result = await h.engine.setFlowRunState(
      run.id,
      Failed({ message: 'boom', data: 'partial' }, h.env),
    );

    expect(result.status).toBe(SetStateStatus.REJECT);
    expect(result.state).toMatchObject({
      type: StateType.SCHEDULED,
      name: 'AwaitingRetry',
      message: 'boom',
      data: 'partial',
    });
    expect(secondsAhead(h, result.state?.stateDetails.scheduledTime)).toBe(10);
    expect(await h.read('flow', run.id)).toMatchObject({
      stateType: StateType.SCHEDULED,
      runCount: 1,
    });
  });

  it('accepts FAILED once the retries are used up (run count 2, retries 1)', async () => {
    const h = orionHarness();
    const run = await h.flowRun({
      state: Running({}, h.env),
      runCount: 2,
      empiricalPolicy: { retries: 1 },
    });

    const result = await h.engine.setFlowRunState(run.id, Failed({}, h.env));

    expect(result.status).toBe(SetStateStatus.ACCEPT);
    expect(result.state?.type).toBe(StateType.FAILED);
  });
});

describe(`${RetryFailedTasks.name} (scenario 20)`, () => {
  async function failTask(runCount: number, policy: TaskRunPolicyInit, random?: RandomSource) {
    const h = orionHarness(random === undefined ? {} : { random });
    const task = await h.taskRun({ state: Running({}, h.env), runCount, empiricalPolicy: policy });
    const result = await h.engine.setTaskRunState(task.id, Failed({ message: 'boom' }, h.env));
    return { h, result, delay: () => secondsAhead(h, result.state?.stateDetails.scheduledTime) };
  }

  it('retries while the run count is within the retries, and stops once it exceeds them', async () => {
    const retried = await failTask(2, { retries: 2 });
    const exhausted = await failTask(3, { retries: 2 });

    expect(retried.result.status).toBe(SetStateStatus.REJECT);
    expect(retried.result.state).toMatchObject({
      type: StateType.SCHEDULED,
      name: 'AwaitingRetry',
      message: 'boom',
    });
    expect(exhausted.result.status).toBe(SetStateStatus.ACCEPT);
    expect(exhausted.result.state?.type).toBe(StateType.FAILED);
  });

  it('schedules the retry retry_delay seconds ahead', async () => {
    const { delay } = await failTask(1, { retries: 1, retryDelay: 10 });
    expect(delay()).toBe(10);
  });

  it('takes the k-th entry of a delay list for the k-th retry', async () => {
    const delays = [2, 3, 5, 7, 11];
    for (let n = 1; n <= delays.length; n++) {
      const { delay } = await failTask(n, { retries: 5, retryDelay: delays });
      expect(delay(), `run count ${n}`).toBe(delays[n - 1]);
    }
  });

  it('reuses the last entry once the delay list is exhausted', async () => {
    const { delay } = await failTask(6, { retries: 6, retryDelay: [2, 3, 5, 7] });
    expect(delay()).toBe(7);
  });

  it('jitters within (1 + factor) × base: base 10 and factor 9 give 100 s for a draw at the top', async () => {
    const ids = seededRandom(3);
    const top: RandomSource = { random: () => 1, uuid: ids.uuid };
    const { delay } = await failTask(1, { retries: 1, retryDelay: 10, retryJitterFactor: 9 }, top);
    expect(delay()).toBeCloseTo(100, 6);
  });
});

describe(`${RenameReruns.name} (scenario 21)`, () => {
  async function rerun(
    initial: 'Scheduled' | 'AwaitingRetry',
    runCount: number,
  ): Promise<string | undefined> {
    const h = orionHarness();
    const build = initial === 'Scheduled' ? Scheduled : AwaitingRetry;
    const task = await h.taskRun({ state: build({}, h.env), runCount });
    const result = await h.engine.setTaskRunState(task.id, Running({}, h.env));
    expect(result.status).toBe(SetStateStatus.ACCEPT);
    return result.state?.name;
  }

  it('names a rerun from SCHEDULED Rerunning (run count 2)', async () => {
    expect(await rerun('Scheduled', 2)).toBe('Rerunning');
  });

  it('names a rerun from a state named AwaitingRetry Retrying (run count 2)', async () => {
    expect(await rerun('AwaitingRetry', 2)).toBe('Retrying');
  });

  it('leaves a first run named Running (run count 0)', async () => {
    expect(await rerun('Scheduled', 0)).toBe('Running');
  });
});

describe('manual flow retries (scenario 22)', () => {
  it('aborts FAILED → a SCHEDULED state not named AwaitingRetry', async () => {
    for (const build of [Scheduled, Late]) {
      const h = orionHarness();
      const run = await h.flowRun({ state: Failed({}, h.env), deploymentId: 'deployment' });
      const result = await h.engine.setFlowRunState(run.id, build({}, h.env));
      expect(result.status).toBe(SetStateStatus.ABORT);
      expect(result.state?.type).toBe(StateType.FAILED);
    }
  });

  it('aborts an AwaitingRetry of a run without a deployment', async () => {
    const h = orionHarness();
    const run = await h.flowRun({ state: Failed({}, h.env) });
    const result = await h.engine.setFlowRunState(run.id, AwaitingRetry({}, h.env));
    expect(result.status).toBe(SetStateStatus.ABORT);
    expect(result.details).toMatchObject({ reason: expect.stringContaining('deployment') });
  });

  it('accepts an AwaitingRetry of a deployed run even past its retries, leaving the run count unchanged', async () => {
    for (const runCount of [2, 3]) {
      const h = orionHarness();
      const run = await h.flowRun({
        state: Failed({}, h.env),
        deploymentId: 'deployment',
        runCount,
        empiricalPolicy: { retries: 1 },
      });
      const result = await h.engine.setFlowRunState(run.id, AwaitingRetry({}, h.env));
      expect(result.status).toBe(SetStateStatus.ACCEPT);
      expect(result.state).toMatchObject({ type: StateType.SCHEDULED, name: 'AwaitingRetry' });
      expect((await h.read('flow', run.id)).runCount).toBe(runCount);
    }
  });
});

describe(`${HandleTaskTerminalStateTransitions.name} (scenario 23)`, () => {
  async function terminalTask(
    h: OrionHarness,
    flowRunCount: number,
    tracker: number,
    initial = Failed,
  ) {
    const flow = await h.flowRun({
      state: Running({}, h.env),
      runCount: flowRunCount,
      empiricalPolicy: { retries: 1 },
    });
    return h.taskRun({
      flowRunId: flow.id,
      state: initial({}, h.env),
      runCount: 2,
      flowRunRunCount: tracker,
    });
  }

  it('lets a failed, crashed or cancelled task rerun while its flow retries (flow 4, tracker 2), even past the flow’s retries', async () => {
    for (const initial of [Failed, Crashed, Cancelled]) {
      const h = orionHarness();
      const task = await terminalTask(h, 4, 2, initial);

      const result = await h.engine.setTaskRunState(task.id, Running({}, h.env));

      expect(result.status).toBe(SetStateStatus.ACCEPT);
      expect(result.state).toMatchObject({ type: StateType.RUNNING, name: 'Retrying' });
      // The rule resets run_count to 0; IncrementTaskRunCount then counts this run.
      expect(await h.read('task', task.id)).toMatchObject({ runCount: 1, flowRunRunCount: 4 });
    }
  });

  it('aborts when the flow is not retrying (tracker 3, flow 3) and changes nothing', async () => {
    const h = orionHarness();
    const task = await terminalTask(h, 3, 3);

    const result = await h.engine.setTaskRunState(task.id, Running({}, h.env));

    expect(result.status).toBe(SetStateStatus.ABORT);
    expect(await h.read('task', task.id)).toEqual(task);
  });

  it('restores the run count and leaves the tracker when a later rule rejects into another type', async () => {
    const h = orionHarness();
    const task = await terminalTask(h, 4, 2);
    const policy = policyOf('TerminalThenReject', [
      HandleTaskTerminalStateTransitions,
      rejectingInto(StateType.SCHEDULED),
      UpdateFlowRunTrackerOnTasks,
    ]);

    const result = await h.engine.setTaskRunState(task.id, Running({}, h.env), { policy });

    expect(result.status).toBe(SetStateStatus.REJECT);
    expect(result.state?.type).toBe(StateType.SCHEDULED);
    expect(await h.read('task', task.id)).toMatchObject({ runCount: 2, flowRunRunCount: 2 });
  });
});
