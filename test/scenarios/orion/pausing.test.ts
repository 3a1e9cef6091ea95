/**
 * Pausing and resuming flow runs, and the resume endpoint: scenarios 33–35, from
 * Prefect's orchestration tests, and 42, derived from Prefect's code.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  Completed,
  createState,
  Paused,
  Pending,
  Running,
  SetStateStatus,
  StateType,
  type StateName,
} from '../../../src/index.ts';
import { HandlePausingFlows } from '../../../src/orion/index.ts';
import { orionHarness } from './support/engine.ts';
import { policyOf } from './support/test-rules.ts';

describe(`${HandlePausingFlows.name} (scenario 33)`, () => {
  const PauseOnly = policyOf('PauseOnly', [HandlePausingFlows]);
  async function pauseFrom(initial: StateName | null) {
    const h = orionHarness();
    const state = initial === null ? null : createState(initial, {}, h.env);
    const run = await h.flowRun({ state, deploymentId: 'deployment' });
    const result = await h.engine.setFlowRunState(run.id, Paused({}, {}, h.env), {
      policy: PauseOnly,
    });
    return { h, run, result };
  }

  it('aborts pausing a run that has no state', async () => {
    const { result } = await pauseFrom(null);
    expect(result.status).toBe(SetStateStatus.ABORT);
    expect(result.state).toBeNull();
  });

  it('accepts pausing a RUNNING run', async () => {
    const { result } = await pauseFrom(StateType.RUNNING);
    expect(result.status).toBe(SetStateStatus.ACCEPT);
    expect(result.state?.type).toBe(StateType.PAUSED);
  });

  it('rejects pausing from every other state, which stays unchanged', async () => {
    for (const initial of [...ALL_ORCHESTRATION_STATES].filter(
      (t) => t !== null && t !== StateType.RUNNING,
    )) {
      const { h, run, result } = await pauseFrom(initial);
      expect(result.status, String(initial)).toBe(SetStateStatus.REJECT);
      expect(result.state?.id).toBe(run.stateId);
      expect(await h.read('flow', run.id)).toEqual(run);
    }
  });
});

describe('pause keys and rescheduling pauses (scenario 34)', () => {
  it('accepts RUNNING → Paused(key "hello") and records the key', async () => {
    const h = orionHarness();
    const run = await h.flowRun({ state: Running({}, h.env) });
    const result = await h.engine.setFlowRunState(run.id, Paused({ pauseKey: 'hello' }, {}, h.env));
    expect(result.status).toBe(SetStateStatus.ACCEPT);
    expect([...(await h.read('flow', run.id)).empiricalPolicy.pauseKeys]).toEqual(['hello']);
  });

  it('rejects the same key again on the same run, which stays RUNNING', async () => {
    const h = orionHarness();
    const run = await h.flowRun({ state: Running({}, h.env) });
    await h.engine.setFlowRunState(run.id, Paused({ pauseKey: 'hello' }, {}, h.env));
    expect((await h.engine.resumeFlowRun(run.id)).status).toBe(SetStateStatus.ACCEPT);

    const result = await h.engine.setFlowRunState(run.id, Paused({ pauseKey: 'hello' }, {}, h.env));

    expect(result.status).toBe(SetStateStatus.REJECT);
    expect((await h.read('flow', run.id)).stateType).toBe(StateType.RUNNING);
  });

  it('aborts a rescheduling pause of a run without a deployment', async () => {
    const h = orionHarness();
    const run = await h.flowRun({ state: Running({}, h.env) });
    const result = await h.engine.setFlowRunState(run.id, Paused({ reschedule: true }, {}, h.env));
    expect(result.status).toBe(SetStateStatus.ABORT);
    expect((await h.read('flow', run.id)).empiricalPolicy.pauseKeys.size).toBe(0);
  });

  it('accepts a rescheduling pause of a deployed run', async () => {
    const h = orionHarness();
    const run = await h.flowRun({ state: Running({}, h.env), deploymentId: 'deployment' });
    const result = await h.engine.setFlowRunState(run.id, Paused({ reschedule: true }, {}, h.env));
    expect(result.status).toBe(SetStateStatus.ACCEPT);
    expect(result.state?.stateDetails.pauseReschedule).toBe(true);
  });

  it('aborts a rescheduling pause of a subflow, even a deployed one', async () => {
    const h = orionHarness();
    const parent = await h.taskRun({ state: Running({}, h.env) });
    const run = await h.flowRun({
      state: Running({}, h.env),
      deploymentId: 'deployment',
      parentTaskRunId: parent.id,
    });
    const result = await h.engine.setFlowRunState(run.id, Paused({ reschedule: true }, {}, h.env));
    expect(result.status).toBe(SetStateStatus.ABORT);
    expect(result.details).toMatchObject({ reason: expect.stringContaining('subflow') });
  });
});

describe('resuming paused flow runs (scenario 35)', () => {
  async function paused(options: {
    reschedule?: boolean;
    deploymentId?: string;
    timeoutSeconds?: number;
  }) {
    const h = orionHarness();
    const { reschedule = false, deploymentId = null, timeoutSeconds } = options;
    const pause = Paused(
      timeoutSeconds === undefined ? { reschedule } : { reschedule, timeoutSeconds },
      {},
      h.env,
    );
    const run = await h.flowRun({ state: pause, deploymentId });
    return { h, run };
  }

  it('rejects resuming a rescheduling pause of a run without a deployment; it stays PAUSED', async () => {
    const { h, run } = await paused({ reschedule: true });
    const result = await h.engine.setFlowRunState(run.id, Running({}, h.env));
    expect(result.status).toBe(SetStateStatus.REJECT);
    expect((await h.read('flow', run.id)).stateType).toBe(StateType.PAUSED);
  });

  it('accepts resuming a blocking pause (timeout in the future) of a run without a deployment', async () => {
    const { h, run } = await paused({ timeoutSeconds: 300 });
    const result = await h.engine.setFlowRunState(run.id, Running({}, h.env));
    expect(result.status).toBe(SetStateStatus.ACCEPT);
    expect(result.state?.type).toBe(StateType.RUNNING);
  });

  it('accepts RUNNING, COMPLETED, SCHEDULED, FAILED, CRASHED and CANCELLED out of PAUSED', async () => {
    for (const type of ['RUNNING', 'COMPLETED', 'SCHEDULED', 'FAILED', 'CRASHED', 'CANCELLED']) {
      const { h, run } = await paused({ deploymentId: 'deployment' });
      const result = await h.engine.setFlowRunState(run.id, createState(type, {}, h.env));
      expect(result.status, type).toBe(SetStateStatus.ACCEPT);
      expect(result.state?.type, type).toBe(type);
    }
  });

  it('rejects PENDING, PAUSED and CANCELLING out of PAUSED; the run stays PAUSED', async () => {
    for (const type of ['PENDING', 'PAUSED', 'CANCELLING']) {
      const { h, run } = await paused({ deploymentId: 'deployment' });
      const result = await h.engine.setFlowRunState(run.id, createState(type, {}, h.env));
      expect(result.status, type).toBe(SetStateStatus.REJECT);
      expect(result.state?.id, type).toBe(run.stateId);
    }
  });

  it('fails a run whose pause timed out 5 minutes ago: REJECT into FAILED', async () => {
    const { h, run } = await paused({ timeoutSeconds: 60 });
    h.clock.advance(6 * 60);
    const result = await h.engine.setFlowRunState(run.id, Running({}, h.env));
    expect(result.status).toBe(SetStateStatus.REJECT);
    expect(result.state).toMatchObject({
      type: StateType.FAILED,
      message: expect.stringContaining('paused'),
    });
    expect((await h.read('flow', run.id)).stateType).toBe(StateType.FAILED);
  });

  it('marks the run as resuming after a successful resume', async () => {
    const { h, run } = await paused({ deploymentId: 'deployment' });
    expect(run.empiricalPolicy.resuming).toBe(false);
    await h.engine.setFlowRunState(run.id, createState(StateType.SCHEDULED, {}, h.env));
    expect((await h.read('flow', run.id)).empiricalPolicy.resuming).toBe(true);
  });
});

describe('a blocking resume counts as a run (scenario 42)', () => {
  it('increments run_count on RUNNING → PAUSED → resume, and leaves resuming set until the next RUNNING or final state', async () => {
    const h = orionHarness();
    const run = await h.flowRun({ state: Running({}, h.env) });
    expect(run.runCount).toBe(1);
    await h.engine.setFlowRunState(run.id, Paused({}, {}, h.env));

    const resumed = await h.engine.resumeFlowRun(run.id);

    expect(resumed.status).toBe(SetStateStatus.ACCEPT);
    expect(resumed.state?.type).toBe(StateType.RUNNING);
    expect(await h.read('flow', run.id)).toMatchObject({
      runCount: 2,
      empiricalPolicy: { resuming: true },
    });
    await h.engine.setFlowRunState(run.id, Completed({}, h.env));
    expect(await h.read('flow', run.id)).toMatchObject({
      runCount: 2,
      empiricalPolicy: { resuming: false },
    });
  });
});

describe('the resume endpoint', () => {
  it('aborts with no state and runs no rules for a run that is not paused', async () => {
    const h = orionHarness();
    const run = await h.flowRun({ state: Running({}, h.env) });
    const result = await h.engine.resumeFlowRun(run.id);
    expect(result).toMatchObject({
      state: null,
      status: SetStateStatus.ABORT,
      details: { type: 'abort_details' },
    });
    expect(h.records).toHaveLength(1); // only the forced RUNNING that created the run
  });

  it('reschedules a rescheduling pause as Resuming, then starts without counting a run and clears resuming', async () => {
    const h = orionHarness();
    const run = await h.flowRun({ state: Running({}, h.env), deploymentId: 'deployment' });
    await h.engine.setFlowRunState(run.id, Paused({ reschedule: true }, {}, h.env));

    const resumed = await h.engine.resumeFlowRun(run.id);
    expect(resumed.status).toBe(SetStateStatus.ACCEPT);
    expect(resumed.state).toMatchObject({ type: StateType.SCHEDULED, name: 'Resuming' });
    expect(resumed.state?.stateDetails.scheduledTime).toEqual(h.clock.now());
    expect((await h.read('flow', run.id)).empiricalPolicy.resuming).toBe(true);

    await h.engine.setFlowRunState(run.id, Pending({}, h.env));
    const started = await h.engine.setFlowRunState(run.id, Running({}, h.env));
    expect(started.status).toBe(SetStateStatus.ACCEPT);
    expect(await h.read('flow', run.id)).toMatchObject({
      runCount: 1,
      empiricalPolicy: { resuming: false },
    });
  });
});
