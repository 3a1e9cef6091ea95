/**
 * Where the preset differs from Prefect Orion on purpose (two bug fixes), where it
 * keeps the reference's odd behaviour on purpose, and how it treats legacy clients.
 * The README's "Differences from Prefect Orion" section cites these tests by name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  AwaitingRetry,
  Cancelled,
  Completed,
  Failed,
  OrchestrationRule,
  Paused,
  Pending,
  Running,
  Scheduled,
  seededRandom,
  SetStateStatus,
  StateType,
  type RandomSource,
  type State,
  type StateSet,
} from '../../../src/index.ts';
import {
  clampedPoissonInterval,
  CopyScheduledTime,
  HandleCancellingStateTransitions,
  type OrionContext,
  type TaskRunPolicyInit,
} from '../../../src/orion/index.ts';
import { orionHarness, type OrionHarness } from './support/engine.ts';
import { policyOf } from './support/test-rules.ts';

/** A random source whose numbers must not be drawn (ids are fine). */
function noDraws(): RandomSource {
  const ids = seededRandom(9);
  return {
    uuid: ids.uuid,
    random: () => {
      throw new Error('test: a random number was drawn');
    },
  };
}

describe('Differences from Prefect Orion', () => {
  describe('bug fix: SecureTaskConcurrencySlots stops at the first tag that blocks', () => {
    /** Tag a (limit `a`, one slot held by another run) and tag b (limit `b`); a task tagged b and a. */
    async function twoTags(a: number, b: number, aHeld: boolean) {
      const h = orionHarness();
      await h.store.setConcurrencyLimit('a', a, aHeld ? ['another-run'] : []);
      await h.store.setConcurrencyLimit('b', b, b > 0 ? ['another-run'] : []);
      const task = await h.taskRun({ tags: ['b', 'a'], state: Pending({}, h.env) });
      const result = await h.engine.setTaskRunState(task.id, Running({}, h.env));
      const holds = async (tag: string) =>
        (await h.store.concurrencyLimit(tag))!.activeSlots.includes(task.id);
      return { result, holds };
    }

    it('takes no slot on a later tag when an earlier tag is full', async () => {
      const { result, holds } = await twoTags(1, 5, true);
      expect(result.status).toBe(SetStateStatus.WAIT);
      expect(await holds('a')).toBe(false);
      expect(await holds('b')).toBe(false);
    });

    it('keeps the first blocking tag’s WAIT when a later tag has a limit of 0', async () => {
      const { result } = await twoTags(1, 0, true);
      expect(result.status).toBe(SetStateStatus.WAIT);
      expect(result.details).toMatchObject({ reason: expect.stringContaining('the a tag') });
    });

    it('gives back the slot taken on an earlier tag when a later tag blocks', async () => {
      const { result, holds } = await twoTags(5, 1, false);
      expect(result.status).toBe(SetStateStatus.WAIT);
      expect(result.details).toMatchObject({ reason: expect.stringContaining('the b tag') });
      expect(await holds('a')).toBe(false);
    });
  });

  describe('bug fix: RetryFailedTasks computes jitter only when a retry is due', () => {
    async function failTask(runCount: number, policy: TaskRunPolicyInit) {
      const h = orionHarness({ random: noDraws() });
      const task = await h.taskRun({
        state: Running({}, h.env),
        runCount,
        empiricalPolicy: policy,
      });
      const result = await h.engine.setTaskRunState(task.id, Failed({}, h.env));
      return { h, result };
    }
    const scheduledIn = (h: OrionHarness, state: State | null): number =>
      (state!.stateDetails.scheduledTime!.getTime() - h.clock.now().getTime()) / 1000;

    it('accepts FAILED without drawing jitter when no retry is due, even with a base delay of 0', async () => {
      const { result } = await failTask(2, { retries: 1, retryDelay: 0, retryJitterFactor: 0.5 });
      expect(result.status).toBe(SetStateStatus.ACCEPT);
      expect(result.state?.type).toBe(StateType.FAILED);
    });

    it('retries at once, with no jitter, when the base delay is 0', async () => {
      const { h, result } = await failTask(1, {
        retries: 1,
        retryDelay: 0,
        retryJitterFactor: 0.5,
      });
      expect(result.status).toBe(SetStateStatus.REJECT);
      expect(scheduledIn(h, result.state)).toBe(0);
    });

    it('treats an empty delay list as a delay of 0', async () => {
      const { h, result } = await failTask(1, { retries: 1, retryDelay: [], retryJitterFactor: 1 });
      expect(result.status).toBe(SetStateStatus.REJECT);
      expect(scheduledIn(h, result.state)).toBe(0);
    });

    it('never draws a jittered delay above (1 + factor) × base, or below 0', () => {
      fc.assert(
        fc.property(
          fc.double({ min: 0.001, max: 10_000, noNaN: true }),
          fc.double({ min: 0.001, max: 100, noNaN: true }),
          fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
          (base, factor, draw) => {
            const delay = clampedPoissonInterval(base, factor, {
              random: () => draw,
              uuid: () => 'unused',
            });
            return delay >= 0 && delay <= base * (1 + factor) * (1 + 1e-9);
          },
        ),
      );
    });
  });

  describe('kept oddity: the cancelling rule’s FROM set includes CANCELLED', () => {
    it('lists CANCELLED in HandleCancellingStateTransitions.FROM_STATES', () => {
      expect(HandleCancellingStateTransitions.FROM_STATES.has(StateType.CANCELLED)).toBe(true);
    });

    it('rejects a manual retry of a cancelled, deployed flow run, which stays CANCELLED', async () => {
      const h = orionHarness();
      const run = await h.flowRun({ state: Cancelled({}, h.env), deploymentId: 'deployment' });
      const result = await h.engine.setFlowRunState(run.id, AwaitingRetry({}, h.env));
      expect(result.status).toBe(SetStateStatus.REJECT);
      expect((await h.read('flow', run.id)).stateType).toBe(StateType.CANCELLED);
    });
  });

  describe('kept oddity: a manual retry does not reset the run count', () => {
    it('keeps run_count, so automatic flow retries no longer fire after a manual retry', async () => {
      const h = orionHarness();
      const run = await h.flowRun({
        state: Running({}, h.env),
        deploymentId: 'deployment',
        runCount: 2,
        empiricalPolicy: { retries: 1 },
      });
      expect((await h.engine.setFlowRunState(run.id, Failed({}, h.env))).status).toBe(
        SetStateStatus.ACCEPT,
      );

      expect((await h.engine.setFlowRunState(run.id, AwaitingRetry({}, h.env))).status).toBe(
        SetStateStatus.ACCEPT,
      );
      expect((await h.read('flow', run.id)).runCount).toBe(2);
      await h.engine.setFlowRunState(run.id, Pending({}, h.env));
      await h.engine.setFlowRunState(run.id, Running({}, h.env));
      const failedAgain = await h.engine.setFlowRunState(run.id, Failed({}, h.env));

      expect((await h.read('flow', run.id)).runCount).toBe(3);
      expect(failedAgain.status).toBe(SetStateStatus.ACCEPT);
      expect(failedAgain.state?.type).toBe(StateType.FAILED);
    });
  });

  describe('kept Prefect behaviour that looks odd', () => {
    it('sets resuming even when HandleResumingPausedFlows rejects the resume', async () => {
      const h = orionHarness();
      const run = await h.flowRun({ state: Paused({}, {}, h.env) });
      const result = await h.engine.setFlowRunState(run.id, Pending({}, h.env));
      expect(result.status).toBe(SetStateStatus.REJECT);
      expect((await h.read('flow', run.id)).empiricalPolicy.resuming).toBe(true);
    });

    it('keeps the pause-bookkeeping reset when a manual retry aborts for want of a deployment', async () => {
      const h = orionHarness();
      const run = await h.flowRun({
        state: Failed({}, h.env),
        empiricalPolicy: { pauseKeys: ['k'], resuming: true },
      });
      const result = await h.engine.setFlowRunState(run.id, AwaitingRetry({}, h.env));
      expect(result.status).toBe(SetStateStatus.ABORT);
      const policy = (await h.read('flow', run.id)).empiricalPolicy;
      expect([...policy.pauseKeys]).toEqual([]);
      expect(policy.resuming).toBe(false);
    });

    it('picks the last delay of a retry-delay list for run count 0 (Python indexing)', async () => {
      const h = orionHarness();
      const task = await h.taskRun({
        state: Running({}, h.env),
        runCount: 0,
        empiricalPolicy: { retries: 1, retryDelay: [2, 3, 5] },
      });
      // (The harness forced RUNNING, which counts a run, then wrote run_count 0 back.)
      const result = await h.engine.setTaskRunState(task.id, Failed({}, h.env));
      expect(result.status).toBe(SetStateStatus.REJECT);
      expect(result.state!.stateDetails.scheduledTime!.getTime() - h.clock.now().getTime()).toBe(
        5000,
      );
    });
  });

  describe('hook isolation: hooks get deep copies; CopyScheduledTime writes through updateProposedStateDetails', () => {
    it('drops a before hook’s assignment to its copy’s details, while CopyScheduledTime’s write is stored', async () => {
      class AssignOnCopy extends OrchestrationRule<OrionContext> {
        static override FROM_STATES: StateSet = ALL_ORCHESTRATION_STATES;
        static override TO_STATES: StateSet = ALL_ORCHESTRATION_STATES;
        override async beforeTransition(_i: State | null, proposed: State | null): Promise<void> {
          proposed!.stateDetails.cacheKey = 'assigned on a copy';
        }
      }
      const h = orionHarness();
      const t = new Date(h.clock.now().getTime() + 60_000);
      const run = await h.flowRun({
        state: Scheduled({ stateDetails: { scheduledTime: t } }, h.env),
      });

      const result = await h.engine.setFlowRunState(run.id, Pending({}, h.env), {
        policy: policyOf('CopyAndAssign', [AssignOnCopy, CopyScheduledTime]),
      });

      expect(result.state?.stateDetails).toMatchObject({ scheduledTime: t, cacheKey: null });
      expect(
        (await h.store.stateHistory('flow', run.id)).at(-1)?.stateDetails.scheduledTime,
      ).toEqual(t);
    });
  });

  describe('legacy clients (api-version below 0.8.3) and the api-version parameter', () => {
    async function failingFlow(apiVersion: string | null) {
      const h = orionHarness();
      const flow = await h.flowRun({
        state: Running({}, h.env),
        empiricalPolicy: { retries: 1, retryDelay: 30, pauseKeys: ['k'] },
      });
      const failed = await h.taskRun({ flowRunId: flow.id, state: Failed({}, h.env), runCount: 2 });
      const completed = await h.taskRun({
        flowRunId: flow.id,
        state: Completed({}, h.env),
        runCount: 1,
      });
      const result = await h.engine.setFlowRunState(flow.id, Failed({}, h.env), { apiVersion });
      return { h, flow, failed, completed, result };
    }

    it('for api-version 0.8.2, a flow retry forces the flow’s failed task runs to AwaitingRetry and resets their run counts', async () => {
      const { h, flow, failed, completed, result } = await failingFlow('0.8.2');
      expect(result.state).toMatchObject({ type: StateType.SCHEDULED, name: 'AwaitingRetry' });
      const retried = await h.read('task', failed.id);
      expect(retried).toMatchObject({
        stateType: StateType.SCHEDULED,
        stateName: 'AwaitingRetry',
        runCount: 0,
      });
      expect(
        (await h.store.stateHistory('task', failed.id)).at(-1)?.stateDetails.scheduledTime,
      ).toEqual(result.state?.stateDetails.scheduledTime);
      expect(await h.read('task', completed.id)).toEqual(completed);
      expect([...(await h.read('flow', flow.id)).empiricalPolicy.pauseKeys]).toEqual(['k']);
    });

    it('for api-version 0.8.3, a flow retry neither resets task runs nor clears the pause bookkeeping', async () => {
      const { h, flow, failed, result } = await failingFlow('0.8.3');
      expect(result.status).toBe(SetStateStatus.REJECT);
      expect(await h.read('task', failed.id)).toEqual(failed);
      expect([...(await h.read('flow', flow.id)).empiricalPolicy.pauseKeys]).toEqual(['k']);
    });

    it('treats a missing api-version as a current client: a flow retry clears the pause bookkeeping and leaves task runs alone', async () => {
      const { h, flow, failed, result } = await failingFlow(null);
      expect(result.status).toBe(SetStateStatus.REJECT);
      expect(await h.read('task', failed.id)).toEqual(failed);
      expect([...(await h.read('flow', flow.id)).empiricalPolicy.pauseKeys]).toEqual([]);
    });

    it('rejects a malformed api-version with a TypeError before any orchestration', async () => {
      const h = orionHarness();
      const run = await h.flowRun({ state: Running({}, h.env) });
      await expect(
        h.engine.setFlowRunState(run.id, Failed({}, h.env), { apiVersion: 'latest' }),
      ).rejects.toThrow(TypeError);
      expect(await h.read('flow', run.id)).toEqual(run);
    });
  });
});
