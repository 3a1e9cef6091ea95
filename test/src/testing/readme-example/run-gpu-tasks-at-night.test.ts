import { describe, expect, it } from 'vitest';
import { Pending, Running, SetStateStatus, StateType } from 'policy-matrix';
import { commitRunState } from 'policy-matrix/orion';
import { enterNest, HookRecorder, OrionTestBed } from 'policy-matrix/testing';
import { RunGpuTasksAtNight } from './run-gpu-tasks-at-night.ts';

describe('RunGpuTasksAtNight', () => {
  it('makes a GPU task that asks to run at noon wait until 22:00', async () => {
    // 'memory', 'pglite' or { url: 'postgres://…' }: the same test runs on every store.
    await using bed = await OrionTestBed.open({ store: 'memory', now: '2023-02-01T12:00:00Z' });
    const run = await bed.taskRun({ state: Pending({}, bed.env), tags: ['gpu'] });

    await using tx = await bed.begin();
    const context = await tx.context('task', run.id, Running({}, bed.env));
    await using nest = await enterNest({ context, rules: [RunGpuTasksAtNight] });
    expect(context.proposedState).toBeNull(); // the rule has decided; nothing validated yet
    await nest.validate(commitRunState);
    await nest.exit();

    expect(nest.result().status).toBe(SetStateStatus.WAIT);
    expect(nest.result().details).toEqual({
      type: 'wait_details',
      delaySeconds: 10 * 3600,
      reason: 'GPU tasks run between 22:00 and 06:00 UTC',
    });
    expect(nest.result().state?.type).toBe(StateType.PENDING); // the run keeps its state
    await tx.commit();
  });

  it.each([
    ['a GPU task at 23:30', '2023-02-01T23:30:00Z', ['gpu']],
    ['another task at noon', '2023-02-01T12:00:00Z', ['cpu']],
  ])('lets %s run', async (_case, now, tags) => {
    const bed = new OrionTestBed({ now });
    const run = await bed.taskRun({ state: Pending({}, bed.env), tags });
    const recorder = new HookRecorder();

    await using tx = await bed.begin();
    const context = await tx.context('task', run.id, Running({}, bed.env));
    await using nest = await enterNest({ context, rules: [RunGpuTasksAtNight], recorder });
    await nest.validate(commitRunState);
    await nest.exit();

    expect(nest.result().status).toBe(SetStateStatus.ACCEPT);
    expect(recorder.names()).toEqual([
      'RunGpuTasksAtNight.beforeTransition',
      'validate',
      'RunGpuTasksAtNight.afterTransition',
    ]);
  });

  it('does nothing when built for a transition into another state than RUNNING', async () => {
    const bed = new OrionTestBed({ now: '2023-02-01T12:00:00Z' });
    const run = await bed.taskRun({ state: Pending({}, bed.env), tags: ['gpu'] });

    await using tx = await bed.begin();
    const context = await tx.context('task', run.id, Running({}, bed.env));
    await using nest = await enterNest({
      context,
      rules: [RunGpuTasksAtNight],
      transition: [StateType.PENDING, StateType.COMPLETED],
    });
    expect(nest.instance(RunGpuTasksAtNight).invalid()).toBe(true);
    expect(context.proposedState?.type).toBe(StateType.RUNNING);
  });
});
