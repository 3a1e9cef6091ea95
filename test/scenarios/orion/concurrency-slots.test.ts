/**
 * Tag concurrency slots, taken by `SecureTaskConcurrencySlots` and given back by its
 * cleanup and by `ReleaseTaskConcurrencySlots`: scenarios 26–32, from Prefect's
 * orchestration tests, and 39, derived from Prefect's code.
 */
import { describe, expect, it } from 'vitest';
import {
  Cancelled,
  Cancelling,
  Completed,
  Pending,
  Running,
  SetStateStatus,
  StateType,
  type RuleClass,
} from '../../../src/index.ts';
import {
  ReleaseTaskConcurrencySlots,
  SecureTaskConcurrencySlots,
  TASK_RUN_TAG_CONCURRENCY_SLOT_WAIT_SECONDS,
  type TaskRun,
} from '../../../src/orion/index.ts';
import { orionHarness, type OrionHarness } from './support/engine.ts';
import { AbortEverything, policyOf, rejectingInto } from './support/test-rules.ts';

/** A harness with a limit on tag T and `count` PENDING task runs tagged T in one RUNNING flow. */
async function tagged(
  limit: number,
  count: number,
): Promise<{ h: OrionHarness; tasks: TaskRun[] }> {
  const h = orionHarness();
  await h.store.setConcurrencyLimit('T', limit);
  const flow = await h.flowRun({ state: Running({}, h.env) });
  const tasks: TaskRun[] = [];
  for (let i = 0; i < count; i++) {
    tasks.push(await h.taskRun({ flowRunId: flow.id, tags: ['T'], state: Pending({}, h.env) }));
  }
  return { h, tasks };
}

const holders = async (h: OrionHarness): Promise<string[]> =>
  (await h.store.concurrencyLimit('T'))?.activeSlots ?? [];

describe('concurrency slots: the basic cycle (scenario 26)', () => {
  it('admits task1 PENDING → RUNNING and counts 1 slot', async () => {
    const { h, tasks } = await tagged(1, 2);
    const result = await h.engine.setTaskRunState(tasks[0]!.id, Running({}, h.env));
    expect(result.status).toBe(SetStateStatus.ACCEPT);
    expect(await holders(h)).toEqual([tasks[0]!.id]);
  });

  it('makes task2 wait 30 s while task1 holds the only slot', async () => {
    const { h, tasks } = await tagged(1, 2);
    await h.engine.setTaskRunState(tasks[0]!.id, Running({}, h.env));
    const result = await h.engine.setTaskRunState(tasks[1]!.id, Running({}, h.env));
    expect(result.status).toBe(SetStateStatus.WAIT);
    expect(result.details).toMatchObject({
      delaySeconds: TASK_RUN_TAG_CONCURRENCY_SLOT_WAIT_SECONDS,
    });
    expect(TASK_RUN_TAG_CONCURRENCY_SLOT_WAIT_SECONDS).toBe(30);
    expect(await holders(h)).toEqual([tasks[0]!.id]);
    expect((await h.read('task', tasks[1]!.id)).stateType).toBe(StateType.PENDING);
  });

  it('frees the slot when task1 goes RUNNING → COMPLETED', async () => {
    const { h, tasks } = await tagged(1, 2);
    await h.engine.setTaskRunState(tasks[0]!.id, Running({}, h.env));
    await h.engine.setTaskRunState(tasks[1]!.id, Running({}, h.env));
    const result = await h.engine.setTaskRunState(tasks[0]!.id, Completed({}, h.env));
    expect(result.status).toBe(SetStateStatus.ACCEPT);
    expect(await holders(h)).toEqual([]);
  });

  it('admits task2 when it tries again', async () => {
    const { h, tasks } = await tagged(1, 2);
    await h.engine.setTaskRunState(tasks[0]!.id, Running({}, h.env));
    await h.engine.setTaskRunState(tasks[1]!.id, Running({}, h.env));
    await h.engine.setTaskRunState(tasks[0]!.id, Completed({}, h.env));
    const result = await h.engine.setTaskRunState(tasks[1]!.id, Running({}, h.env));
    expect(result.status).toBe(SetStateStatus.ACCEPT);
    expect(await holders(h)).toEqual([tasks[1]!.id]);
  });
});

describe('concurrency slots: cancelling (scenario 27)', () => {
  async function cancelling() {
    const { h, tasks } = await tagged(1, 2);
    await h.engine.setTaskRunState(tasks[0]!.id, Running({}, h.env));
    const result = await h.engine.setTaskRunState(tasks[0]!.id, Cancelling({}, h.env));
    return { h, tasks, result };
  }

  it('keeps the slot when task1 goes RUNNING → CANCELLING', async () => {
    const { h, tasks, result } = await cancelling();
    expect(result.status).toBe(SetStateStatus.ACCEPT);
    expect(await holders(h)).toEqual([tasks[0]!.id]);
  });

  it('frees the slot when task1 goes CANCELLING → CANCELLED', async () => {
    const { h, tasks } = await cancelling();
    const result = await h.engine.setTaskRunState(tasks[0]!.id, Cancelled({}, h.env));
    expect(result.status).toBe(SetStateStatus.ACCEPT);
    expect(await holders(h)).toEqual([]);
  });

  it('then admits task2', async () => {
    const { h, tasks } = await cancelling();
    expect((await h.engine.setTaskRunState(tasks[1]!.id, Running({}, h.env))).status).toBe(
      SetStateStatus.WAIT,
    );
    await h.engine.setTaskRunState(tasks[0]!.id, Cancelled({}, h.env));
    const result = await h.engine.setTaskRunState(tasks[1]!.id, Running({}, h.env));
    expect(result.status).toBe(SetStateStatus.ACCEPT);
    expect(await holders(h)).toEqual([tasks[1]!.id]);
  });
});

describe('concurrency slots: a limit of 0 (scenario 28)', () => {
  it('aborts PENDING → RUNNING instead of waiting, and takes no slot', async () => {
    const { h, tasks } = await tagged(0, 1);
    const result = await h.engine.setTaskRunState(tasks[0]!.id, Running({}, h.env));
    expect(result.status).toBe(SetStateStatus.ABORT);
    expect(result.details).toMatchObject({ reason: expect.stringContaining('"T"') });
    expect(await holders(h)).toEqual([]);
  });
});

describe('concurrency slots: a fizzle gives the slot back (scenario 29)', () => {
  it('holds 0 slots after [Secure, Release, Mutator] when the mutator rejects into another type', async () => {
    // CANCELLING as well: Release keeps slots for it, so only Secure's cleanup frees the slot.
    for (const into of [StateType.SCHEDULED, StateType.CANCELLING]) {
      const { h, tasks } = await tagged(1, 1);
      const policy = policyOf('SecureReleaseMutator', [
        SecureTaskConcurrencySlots,
        ReleaseTaskConcurrencySlots,
        rejectingInto(into),
      ]);
      const result = await h.engine.setTaskRunState(tasks[0]!.id, Running({}, h.env), { policy });
      expect(result.status, into).toBe(SetStateStatus.REJECT);
      expect(result.state?.type).toBe(into);
      expect(await holders(h), into).toEqual([]);
    }
  });
});

/** task1 holds the only slot (RUNNING) and proposes PENDING under `rules`. */
async function leaveRunning(rules: RuleClass[]) {
  const { h, tasks } = await tagged(1, 1);
  await h.engine.setTaskRunState(tasks[0]!.id, Running({}, h.env));
  expect(await holders(h)).toHaveLength(1);
  const result = await h.engine.setTaskRunState(tasks[0]!.id, Pending({}, h.env), {
    policy: policyOf('ReleaseTest', rules),
  });
  return { h, result };
}

describe('concurrency slots: release on a rejection out of RUNNING (scenario 30)', () => {
  it('frees the slot when RUNNING → PENDING is rejected into a non-running type, Release first or last', async () => {
    const reject = rejectingInto(StateType.SCHEDULED);
    for (const rules of [
      [ReleaseTaskConcurrencySlots, reject],
      [reject, ReleaseTaskConcurrencySlots],
    ]) {
      const { h, result } = await leaveRunning(rules);
      expect(result.status).toBe(SetStateStatus.REJECT);
      expect(await holders(h)).toEqual([]);
    }
  });
});

describe('concurrency slots: no release on abort (scenario 31)', () => {
  it('keeps the slot when RUNNING → PENDING is aborted, Release first or last', async () => {
    for (const rules of [
      [ReleaseTaskConcurrencySlots, AbortEverything],
      [AbortEverything, ReleaseTaskConcurrencySlots],
    ]) {
      const { h, result } = await leaveRunning(rules);
      expect(result.status).toBe(SetStateStatus.ABORT);
      expect(await holders(h)).toHaveLength(1);
    }
  });
});

describe('concurrency slots: dynamic limits (scenario 32)', () => {
  const run = (h: OrionHarness, task: TaskRun) =>
    h.engine.setTaskRunState(task.id, Running({}, h.env));
  const complete = (h: OrionHarness, task: TaskRun) =>
    h.engine.setTaskRunState(task.id, Completed({}, h.env));

  it('counts a run once however often it takes a slot: slots are per-run sets', async () => {
    const { h, tasks } = await tagged(2, 1);
    await run(h, tasks[0]!);
    const again = await h.engine.setTaskRunState(tasks[0]!.id, Running({}, h.env), {
      policy: policyOf('SecureOnly', [SecureTaskConcurrencySlots]),
    });
    expect(again.status).toBe(SetStateStatus.ACCEPT);
    expect(await holders(h)).toEqual([tasks[0]!.id]);
  });

  it('does not count a task that started before its tag’s limit was created', async () => {
    const { h, tasks } = await tagged(1, 2);
    await h.store.deleteConcurrencyLimit('T');
    await run(h, tasks[0]!);
    await h.store.setConcurrencyLimit('T', 1);

    expect((await run(h, tasks[1]!)).status).toBe(SetStateStatus.ACCEPT);
    await complete(h, tasks[0]!);
    expect(await holders(h)).toEqual([tasks[1]!.id]);
  });

  it('stops blocking once the limit is deleted', async () => {
    const { h, tasks } = await tagged(1, 2);
    await run(h, tasks[0]!);
    expect((await run(h, tasks[1]!)).status).toBe(SetStateStatus.WAIT);
    await h.store.deleteConcurrencyLimit('T');
    expect((await run(h, tasks[1]!)).status).toBe(SetStateStatus.ACCEPT);
  });

  it('admits more runs once the limit is raised', async () => {
    const { h, tasks } = await tagged(1, 2);
    await run(h, tasks[0]!);
    expect((await run(h, tasks[1]!)).status).toBe(SetStateStatus.WAIT);
    await h.store.setConcurrencyLimit('T', 2);
    expect((await run(h, tasks[1]!)).status).toBe(SetStateStatus.ACCEPT);
    expect(await holders(h)).toEqual([tasks[0]!.id, tasks[1]!.id]);
  });

  it('blocks new runs after the limit is lowered, without disturbing runs that hold slots', async () => {
    const { h, tasks } = await tagged(2, 3);
    const [t1, t2, t3] = tasks as [TaskRun, TaskRun, TaskRun];
    await run(h, t1);
    await run(h, t2);
    await h.store.setConcurrencyLimit('T', 1);

    expect((await run(h, t3)).status).toBe(SetStateStatus.WAIT);
    expect((await complete(h, t1)).status).toBe(SetStateStatus.ACCEPT);
    expect(await holders(h)).toEqual([t2.id]);
    expect((await run(h, t3)).status).toBe(SetStateStatus.WAIT);
    await complete(h, t2);
    expect((await run(h, t3)).status).toBe(SetStateStatus.ACCEPT);
  });

  it('lets an existing holder complete and release after the limit is lowered to 0', async () => {
    const { h, tasks } = await tagged(1, 2);
    await run(h, tasks[0]!);
    await h.store.setConcurrencyLimit('T', 0);

    expect((await complete(h, tasks[0]!)).status).toBe(SetStateStatus.ACCEPT);
    expect(await holders(h)).toEqual([]);
    expect((await run(h, tasks[1]!)).status).toBe(SetStateStatus.ABORT);
  });
});

describe('a slot taken and then released by a later wait (scenario 39)', () => {
  it('waits about 60 s for a task scheduled a minute ahead, holding no slot', async () => {
    const h = orionHarness();
    await h.store.setConcurrencyLimit('T', 5);
    const scheduledTime = new Date(h.clock.now().getTime() + 60_000);
    const task = await h.taskRun({
      tags: ['T'],
      state: Pending({ stateDetails: { scheduledTime } }, h.env),
    });

    const result = await h.engine.setTaskRunState(task.id, Running({}, h.env));

    expect(result.status).toBe(SetStateStatus.WAIT);
    expect(result.details).toMatchObject({ delaySeconds: 60 });
    expect(await holders(h)).toEqual([]);
    expect(h.records.at(-1)!.ruleSignature).toContain(SecureTaskConcurrencySlots.name);
  });
});
