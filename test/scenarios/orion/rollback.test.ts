/**
 * One transition is one transaction: when orchestration throws, every change it made
 * to runs and to the store is rolled back, including the changes of rules that ran
 * their exit logic while the error unwound, and of nested orchestrations.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  Completed,
  Failed,
  OrchestrationRule,
  Pending,
  Running,
  type StateSet,
} from '../../../src/index.ts';
import {
  CacheInsertion,
  InvalidInputError,
  ReleaseTaskConcurrencySlots,
  SecureTaskConcurrencySlots,
  type OrionContext,
} from '../../../src/orion/index.ts';
import { orionHarness } from './support/engine.ts';
import { AfterHookFailure, policyOf, ThrowAfterValidation } from './support/test-rules.ts';

describe('rollback of a failed transition', () => {
  it('leaves the run and the store exactly as before when an after hook throws on PENDING → RUNNING', async () => {
    const h = orionHarness();
    await h.store.setConcurrencyLimit('T', 2);
    const task = await h.taskRun({ tags: ['T'], state: Pending({}, h.env) });
    const before = await h.store.contents();
    const policy = policyOf('SecureThenThrow', [SecureTaskConcurrencySlots, ThrowAfterValidation]);

    await expect(h.engine.setTaskRunState(task.id, Running({}, h.env), { policy })).rejects.toThrow(
      AfterHookFailure,
    );

    expect(await h.store.contents()).toEqual(before);
    expect(await h.read('task', task.id)).toEqual(task);
  });

  it('also undoes what enclosing rules did while the error unwound: a cache entry, a result artifact, a slot release', async () => {
    const h = orionHarness();
    await h.store.setConcurrencyLimit('T', 1);
    const task = await h.taskRun({ tags: ['T'], state: Pending({}, h.env) });
    await h.engine.setTaskRunState(task.id, Running({}, h.env));
    expect(await h.slots('T')).toBe(1);
    const before = await h.store.contents();
    const policy = policyOf('CacheThenThrow', [
      CacheInsertion,
      ThrowAfterValidation,
      ReleaseTaskConcurrencySlots,
    ]);

    const completing = h.engine.setTaskRunState(
      task.id,
      Completed({ data: { rows: 3 }, stateDetails: { cacheKey: 'K' } }, h.env),
      { policy },
    );

    await expect(completing).rejects.toThrow(AfterHookFailure);
    expect(await h.store.contents()).toEqual(before);
    expect(await h.store.cacheEntries()).toEqual([]);
    expect(await h.slots('T')).toBe(1);
  });

  it('rolls back a subflow’s parent-task update when the subflow’s transition throws afterwards', async () => {
    const h = orionHarness();
    const parentTask = await h.taskRun({ state: Running({}, h.env) });
    const subflow = await h.flowRun({ state: Running({}, h.env), parentTaskRunId: parentTask.id });
    const before = await h.store.contents();

    const failing = h.engine.setFlowRunState(subflow.id, Failed({}, h.env), {
      policy: policyOf('ThrowOnly', [ThrowAfterValidation]),
    });

    await expect(failing).rejects.toThrow(AfterHookFailure);
    expect(await h.store.contents()).toEqual(before);
  });

  it('rolls back a before-hook error, which the entry point re-throws after the nest unwinds', async () => {
    class MutateThenThrow extends OrchestrationRule<OrionContext> {
      static override FROM_STATES: StateSet = ALL_ORCHESTRATION_STATES;
      static override TO_STATES: StateSet = ALL_ORCHESTRATION_STATES;
      override async beforeTransition(
        _i: unknown,
        _p: unknown,
        context: OrionContext,
      ): Promise<void> {
        context.run.runCount = 99;
        context.run.tags.push('mutated');
        throw new RangeError('test: before hook failed');
      }
    }
    const h = orionHarness();
    const run = await h.flowRun({ state: Pending({}, h.env) });
    const before = await h.store.contents();

    const starting = h.engine.setFlowRunState(run.id, Running({}, h.env), {
      policy: policyOf('MutateThenThrow', [MutateThenThrow]),
    });

    await expect(starting).rejects.toThrow(RangeError);
    expect(await h.store.contents()).toEqual(before);
  });

  it('rolls everything back and rejects with the store’s error when a write of the session failed, even though a rule swallowed the error', async () => {
    class SwallowStoreError extends OrchestrationRule<OrionContext> {
      static override FROM_STATES: StateSet = ALL_ORCHESTRATION_STATES;
      static override TO_STATES: StateSet = ALL_ORCHESTRATION_STATES;
      override async beforeTransition(
        _i: unknown,
        _p: unknown,
        context: OrionContext,
      ): Promise<void> {
        const flow = await context.session.readFlowRun(flowId);
        try {
          await context.session.insertFlowRun(flow!); // its id is taken: the store refuses
        } catch {
          // A rule that carries on: the transaction must still not commit.
        }
        context.run.runCount = 99;
      }
    }
    const h = orionHarness();
    const flow = await h.flowRun({ state: Running({}, h.env) });
    const flowId = flow.id;
    const task = await h.taskRun({ flowRunId: flow.id, state: Pending({}, h.env) });
    const before = await h.store.contents();

    const starting = h.engine.setTaskRunState(task.id, Running({}, h.env), {
      policy: policyOf('SwallowStoreError', [SwallowStoreError]),
    });

    await expect(starting).rejects.toThrow(/already exists/);
    expect(await h.store.contents()).toEqual(before);
  });

  it('refuses data a rule produced that no store can keep, naming its path, and commits nothing', async () => {
    class RejectWithBigInt extends OrchestrationRule<OrionContext> {
      static override FROM_STATES: StateSet = ALL_ORCHESTRATION_STATES;
      static override TO_STATES: StateSet = ALL_ORCHESTRATION_STATES;
      override beforeTransition(): void {
        this.rejectTransition(Failed({ data: { n: 10n } }), 'test: a BigInt in data');
      }
    }
    const h = orionHarness();
    const run = await h.flowRun({ state: Pending({}, h.env) });
    const before = await h.store.contents();

    const starting = h.engine.setFlowRunState(run.id, Running({}, h.env), {
      policy: policyOf('RejectWithBigInt', [RejectWithBigInt]),
    });

    await expect(starting).rejects.toThrow(InvalidInputError);
    await expect(starting).rejects.toThrow(/state\.data\.n/);
    expect(await h.store.contents()).toEqual(before);
  });
});
