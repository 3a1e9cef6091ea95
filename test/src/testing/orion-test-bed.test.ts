/**
 * OrionTestBed and OrionTestTransaction: runs created in a given state, a transaction
 * held open across awaits with a context in it, reads and inserts inside the session,
 * explicit commit and rollback. Runs on every store (see vitest.config.ts).
 */
import { describe, expect, it } from 'vitest';
import { Pending, Running, SetStateStatus, StateType } from '../../../src/index.ts';
import {
  CacheInsertion,
  CacheRetrieval,
  commitRunState,
  FlowOrchestrationContext,
  SecureTaskConcurrencySlots,
  TaskOrchestrationContext,
} from '../../../src/orion/index.ts';
import { enterNest, OrionTestBed } from '../../../src/testing/index.ts';
import { openBed } from './support/bed-store.ts';

const { COMPLETED, PENDING, RUNNING, SCHEDULED } = StateType;

describe(OrionTestBed.name, () => {
  it('creates a flow run in the given state, with its timestamp, tags and deployment', async () => {
    await using bed = await openBed();
    const state = bed.state(SCHEDULED, { timestamp: new Date('2023-01-31T00:00:00.000Z') });
    const run = await bed.flowRun({ state, tags: ['nightly'], deploymentId: 'dep-1' });
    expect(run).toMatchObject({
      stateId: state.id,
      stateType: SCHEDULED,
      stateName: 'Scheduled',
      stateTimestamp: new Date('2023-01-31T00:00:00.000Z'),
      tags: ['nightly'],
      deploymentId: 'dep-1',
      runCount: 0,
    });
    expect(await bed.store.stateHistory('flow', run.id)).toEqual([state]);
  });

  it('creates a task run under a RUNNING parent flow run unless a parent is given', async () => {
    await using bed = await openBed();
    const task = await bed.taskRun({ state: bed.state(PENDING) });
    expect((await bed.store.flowRun(task.flowRunId))?.stateType).toBe(RUNNING);

    const parent = await bed.flowRun();
    const child = await bed.taskRun({ flowRunId: parent.id });
    expect(child.flowRunId).toBe(parent.id);
    expect(child.stateId).toBeNull();
  });

  it('keeps a task context open across awaits, enters a rule on it, and commits what it validated', async () => {
    await using bed = await openBed();
    const run = await bed.taskRun({ state: Pending({}, bed.env), tags: ['db'] });
    await bed.concurrencyLimit('db', 1);

    await using tx = await bed.begin();
    const context = await tx.context('task', run.id, Running({}, bed.env));
    expect(context).toBeInstanceOf(TaskOrchestrationContext);
    expect(context.initialState?.type).toBe(PENDING);

    await using nest = await enterNest({ context, rules: [SecureTaskConcurrencySlots] });
    // Between entry and validation, the slot is taken inside the session.
    expect((await tx.session.readConcurrencyLimit('db'))?.activeSlots).toEqual([run.id]);

    await nest.validate(commitRunState);
    await nest.exit();
    expect((await tx.session.readRunStates('task', run.id)).map((s) => s.type)).toEqual([
      PENDING,
      RUNNING,
    ]);
    expect(await tx.session.readRunStates('flow', run.id)).toEqual([]); // a task run's id
    expect(await tx.session.readRunStates('task', 'no-such-run')).toEqual([]);
    await tx.commit();
    expect((await bed.store.concurrencyLimit('db'))?.activeSlots).toEqual([run.id]);
    expect((await bed.store.taskRun(run.id))?.stateId).toBe(context.validatedState?.id);
  });

  it('uses the proposed state as given, keeping its id and timestamp', async () => {
    await using bed = await openBed();
    const run = await bed.flowRun({ state: bed.state(PENDING) });
    const proposed = bed.state(RUNNING, { timestamp: new Date('2023-01-01T00:00:00.000Z') });
    await using tx = await bed.begin();
    const context = await tx.context('flow', run.id, proposed);
    expect(context).toBeInstanceOf(FlowOrchestrationContext);
    expect(context.proposedState).toBe(proposed);
  });

  it('inserts runs inside the session and reads cache entries there before commit', async () => {
    await using bed = await openBed();
    await using tx = await bed.begin();
    const task = await tx.insertTaskRun({ state: Running({}, bed.env) });
    const completed = bed.state(COMPLETED, {
      data: { answer: 42 },
      stateDetails: { cacheKey: 'K' },
    });
    const context = await tx.context('task', task.id, completed);
    await using nest = await enterNest({ context, rules: [CacheInsertion] });
    await nest.validate(commitRunState);
    await nest.exit();
    const entry = await tx.session.readCacheEntry('K', bed.clock.now());
    expect(entry?.taskRunStateId).toBe(completed.id);
    expect((await tx.session.readState('task', completed.id))?.data).toEqual({ answer: 42 });
    await tx.rollback();
    expect(await bed.store.cacheEntries()).toEqual([]);
  });

  it('serves a cache hit to a second run inserted in the same transaction', async () => {
    await using bed = await openBed();
    await using tx = await bed.begin();
    const first = await tx.insertTaskRun({ state: Running({}, bed.env) });
    const done = bed.state(COMPLETED, { stateDetails: { cacheKey: 'K' } });
    const insertion = await enterNest({
      context: await tx.context('task', first.id, done),
      rules: [CacheInsertion],
    });
    await insertion.validate(commitRunState);
    await insertion.exit();

    const second = await tx.insertTaskRun({
      flowRunId: first.flowRunId,
      state: Pending({}, bed.env),
    });
    const context = await tx.context(
      'task',
      second.id,
      Running({ stateDetails: { cacheKey: 'K' } }, bed.env),
    );
    await using retrieval = await enterNest({ context, rules: [CacheRetrieval] });
    expect(retrieval.result().status).toBe(SetStateStatus.REJECT);
    expect(context.proposedState).toMatchObject({ type: COMPLETED, name: 'Cached' });
  });

  it('rolls back explicitly, and on disposal when neither commit nor rollback was called', async () => {
    await using bed = await openBed();
    const tx = await bed.begin();
    const kept = await tx.insertFlowRun({ id: 'rolled-back' });
    await tx.rollback();
    expect(await bed.store.flowRun(kept.id)).toBeNull();
    {
      await using tx2 = await bed.begin();
      await tx2.insertFlowRun({ id: 'disposed' });
    }
    expect(await bed.store.flowRun('disposed')).toBeNull();
    expect(await bed.flowRun({ id: 'after' })).toMatchObject({ id: 'after' });
  });

  it('throws when committed after a rollback, and when a context names no run', async () => {
    await using bed = await openBed();
    const tx = await bed.begin();
    await expect(tx.context('task', 'missing', null)).rejects.toThrow(
      "There is no task run missing in this transaction: insert it first (tx.insertTaskRun, or the bed's taskRun before begin).",
    );
    await tx.rollback();
    await expect(tx.commit()).rejects.toThrow(
      'This transaction was already rolled back: commit or roll back once. Begin a new transaction for more work.',
    );
  });
});
