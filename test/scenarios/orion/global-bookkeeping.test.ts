/**
 * The global transforms' bookkeeping on runs and states (scenario 38, from Prefect's
 * orchestration tests), for both run kinds; forced transitions, so no policy rule interferes,
 * except where the scenario names the core policy.
 */
import { describe, expect, it } from 'vitest';
import {
  Completed,
  createState,
  Failed,
  Pending,
  Running,
  Scheduled,
  SetStateStatus,
  STATE_TYPES,
  StateType,
  TERMINAL_STATES,
} from '../../../src/index.ts';
import { orionHarness, RUN_KINDS } from './support/engine.ts';

const force = { force: true } as const;
const TERMINAL_TYPES = STATE_TYPES.filter((type) => TERMINAL_STATES.has(type));

describe('global bookkeeping (scenario 38)', () => {
  it('sets state_type, state_name and state_timestamp when a run gets its first state', async () => {
    for (const kind of RUN_KINDS) {
      for (const type of STATE_TYPES) {
        const h = orionHarness();
        const run = await h.given(kind);
        h.clock.advance(3);
        const result = await h.propose(
          kind,
          run.id,
          createState(type, { name: `My ${type}` }, h.env),
          force,
        );
        expect(await h.read(kind, run.id)).toMatchObject({
          stateId: result.state!.id,
          stateType: type,
          stateName: `My ${type}`,
          stateTimestamp: h.clock.now(),
        });
      }
    }
  });

  it('sets next_scheduled_start_time on entering SCHEDULED(t) and clears it on leaving', async () => {
    for (const kind of RUN_KINDS) {
      const h = orionHarness();
      const t = new Date(h.clock.now().getTime() + 3600_000);
      const run = await h.given(kind);
      await h.propose(
        kind,
        run.id,
        Scheduled({ stateDetails: { scheduledTime: t } }, h.env),
        force,
      );
      expect((await h.read(kind, run.id)).nextScheduledStartTime).toEqual(t);
      await h.propose(kind, run.id, Pending({}, h.env), force);
      expect((await h.read(kind, run.id)).nextScheduledStartTime).toBeNull();
    }
  });

  it('sets expected_start_time once: the scheduled time for SCHEDULED, otherwise the proposal’s timestamp', async () => {
    for (const kind of RUN_KINDS) {
      const h = orionHarness();
      const t = new Date(h.clock.now().getTime() + 3600_000);
      const scheduled = await h.given(kind);
      await h.propose(
        kind,
        scheduled.id,
        Scheduled({ stateDetails: { scheduledTime: t } }, h.env),
        force,
      );
      h.clock.advance(10);
      await h.propose(kind, scheduled.id, Pending({}, h.env), force);
      expect((await h.read(kind, scheduled.id)).expectedStartTime).toEqual(t);

      const pending = await h.given(kind);
      await h.propose(kind, pending.id, Pending({}, h.env), force);
      expect((await h.read(kind, pending.id)).expectedStartTime).toEqual(h.clock.now());
    }
  });

  it('sets start_time on PENDING → RUNNING and counts the run (0 → 1, 41 → 42)', async () => {
    for (const kind of RUN_KINDS) {
      for (const runCount of [0, 41]) {
        const h = orionHarness();
        const run = await h.given(kind, { state: Pending({}, h.env), runCount });
        h.clock.advance(5);
        await h.propose(kind, run.id, Running({}, h.env), force);
        expect(await h.read(kind, run.id)).toMatchObject({
          startTime: h.clock.now(),
          runCount: runCount + 1,
        });
      }
    }
  });

  it('adds 42 s of run time on RUNNING → COMPLETED, and none on PENDING → COMPLETED', async () => {
    for (const kind of RUN_KINDS) {
      const h = orionHarness();
      const running = await h.given(kind, { state: Running({}, h.env) });
      const pending = await h.given(kind, { state: Pending({}, h.env) });
      h.clock.advance(42);
      await h.propose(kind, running.id, Completed({}, h.env), force);
      await h.propose(kind, pending.id, Completed({}, h.env), force);
      expect((await h.read(kind, running.id)).totalRunTime).toBe(42);
      expect((await h.read(kind, pending.id)).totalRunTime).toBe(0);
    }
  });

  it('sets end_time on entering any terminal type after a start, and never for a run that did not start', async () => {
    for (const kind of RUN_KINDS) {
      for (const type of TERMINAL_TYPES) {
        const h = orionHarness();
        const started = await h.given(kind, { state: Running({}, h.env) });
        const unstarted = await h.given(kind, { state: Pending({}, h.env) });
        h.clock.advance(7);
        await h.propose(kind, started.id, createState(type, {}, h.env), force);
        await h.propose(kind, unstarted.id, createState(type, {}, h.env), force);
        expect((await h.read(kind, started.id)).endTime).toEqual(h.clock.now());
        expect((await h.read(kind, unstarted.id)).endTime).toBeNull();
      }
    }
  });

  it('clears end_time on terminal → RUNNING', async () => {
    for (const kind of RUN_KINDS) {
      const h = orionHarness();
      const run = await h.given(kind, { state: Running({}, h.env) });
      await h.propose(kind, run.id, Failed({}, h.env), force);
      expect((await h.read(kind, run.id)).endTime).not.toBeNull();
      await h.propose(kind, run.id, Running({}, h.env), force);
      expect((await h.read(kind, run.id)).endTime).toBeNull();
    }
  });

  it('keeps end_time on COMPLETED → FAILED', async () => {
    for (const kind of RUN_KINDS) {
      const h = orionHarness();
      const run = await h.given(kind, { state: Running({}, h.env) });
      await h.propose(kind, run.id, Completed({}, h.env), force);
      const endTime = (await h.read(kind, run.id)).endTime;
      h.clock.advance(60);
      await h.propose(kind, run.id, Failed({}, h.env), force);
      expect((await h.read(kind, run.id)).endTime).toEqual(endTime);
    }
  });

  it('gives a subflow’s parent task the FAILED type and child_flow_run_id, and the subflow’s own state the parent task’s id', async () => {
    const h = orionHarness();
    await h.store.setConcurrencyLimit('T', 1);
    const parentTask = await h.taskRun({ state: Pending({}, h.env), tags: ['T'] });
    expect((await h.engine.setTaskRunState(parentTask.id, Running({}, h.env))).status).toBe(
      SetStateStatus.ACCEPT,
    );
    expect(await h.slots('T')).toBe(1);
    const subflow = await h.flowRun({ state: Running({}, h.env), parentTaskRunId: parentTask.id });

    const result = await h.engine.setFlowRunState(
      subflow.id,
      Failed({ message: 'sub failed' }, h.env),
    );

    expect(result.status).toBe(SetStateStatus.ACCEPT);
    expect(result.state?.stateDetails).toMatchObject({
      flowRunId: subflow.id,
      taskRunId: parentTask.id,
      childFlowRunId: null,
    });
    const parent = await h.read('task', parentTask.id);
    expect(parent.stateType).toBe(StateType.FAILED);
    const parentState = (await h.store.stateHistory('task', parentTask.id)).at(-1)!;
    expect(parentState).toMatchObject({ type: StateType.FAILED, message: 'sub failed' });
    expect(parentState.id).not.toBe(result.state?.id);
    expect(parentState.stateDetails).toMatchObject({
      childFlowRunId: subflow.id,
      taskRunId: parentTask.id,
      flowRunId: parentTask.flowRunId,
    });
    expect(await h.slots('T')).toBe(0);
  });

  it('with resuming set, clears it on RUNNING (from PAUSED or PENDING) without counting a run', async () => {
    for (const initial of [StateType.PAUSED, StateType.PENDING]) {
      const h = orionHarness();
      const state = createState(initial, {}, h.env);
      const run = await h.flowRun({ state, runCount: 3, empiricalPolicy: { resuming: true } });
      await h.engine.setFlowRunState(run.id, Running({}, h.env), force);
      expect(await h.read('flow', run.id)).toMatchObject({
        runCount: 3,
        empiricalPolicy: { resuming: false },
      });
    }
  });
});
