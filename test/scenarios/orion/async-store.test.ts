/**
 * The engine and the rules over a store that answers everything with a promise, as a
 * database-backed store does. The in-memory store answers synchronously, so the
 * orchestration runs without a single promise; these scenarios run twice, once on the
 * in-memory store as is and once on it wrapped so that every session method and every
 * transaction returns a promise, and must end identically: the same results, the same
 * committed store, the same transition records. A representative set: task lifecycles
 * with tag slots, a retry, cache insertion and retrieval, a paused flow stopping its
 * tasks, a task rerun in a retrying flow, a pause and a resume, a subflow's parent task,
 * a legacy flow retry (nested orchestrations), and a rolled-back transition.
 */
import { describe, expect, it } from 'vitest';
import {
  Cancelling,
  Completed,
  Failed,
  Paused,
  Pending,
  Running,
  type OrchestrationResult,
} from '../../../src/index.ts';
import type { OrionRunStore, OrionSession, OrionStore } from '../../../src/orion/index.ts';
import { orionHarness, type OrionHarness } from './support/engine.ts';
import { STORE_KIND } from './support/stores.ts';
import { AfterHookFailure, policyOf, ThrowAfterValidation } from './support/test-rules.ts';

/** How many calls the promising wrapper answered with a promise. */
interface PromiseCount {
  calls: number;
}

/** `session` with every method answering `Promise.resolve(value)` (a throw: a rejection). */
function promising(session: OrionSession, count: PromiseCount): OrionSession {
  return new Proxy(session, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): Promise<unknown> => {
        count.calls++;
        try {
          return Promise.resolve((value as (...a: unknown[]) => unknown).apply(target, args));
        } catch (error) {
          return Promise.reject(error);
        }
      };
    },
  });
}

/** `store` whose transactions return promises and hand out promising sessions. */
function promisingStore(store: OrionRunStore, count: PromiseCount): OrionStore {
  return {
    transaction(work) {
      count.calls++;
      return Promise.resolve(store.transaction((session) => work(promising(session, count))));
    },
  };
}

type Scenario = (h: OrionHarness) => Promise<unknown[]>;

/** Runs `scenario` on both stores and returns what each produced, with the store's contents. */
async function bothWays(scenario: Scenario) {
  const sync = orionHarness();
  const count: PromiseCount = { calls: 0 };
  const async = orionHarness({ wrapStore: (store) => promisingStore(store, count) });
  const outcome = async (h: OrionHarness) => ({
    results: await scenario(h),
    contents: await h.store.contents(),
    records: h.records,
  });
  return { sync: await outcome(sync), async: await outcome(async), count };
}

/** A settled result, or the error it rejected with, for comparing both ways. */
async function settle(result: Promise<OrchestrationResult>): Promise<unknown> {
  try {
    return await result;
  } catch (error) {
    return { rejected: error };
  }
}

const SCENARIOS: Record<string, Scenario> = {
  'a task run that takes a tag slot, completes and gives it back': async (h) => {
    await h.store.setConcurrencyLimit('db', 1);
    const task = await h.taskRun({ tags: ['db'] });
    const other = await h.taskRun({ tags: ['db'], state: Pending({}, h.env) });
    return [
      await h.engine.setTaskRunState(task.id, Pending({}, h.env)),
      await h.engine.setTaskRunState(task.id, Running({}, h.env)),
      await h.engine.setTaskRunState(other.id, Running({}, h.env)),
      await h.engine.setTaskRunState(task.id, Completed({ data: { rows: 3 } }, h.env)),
      await h.engine.setTaskRunState(other.id, Running({}, h.env)),
      await h.slots('db'),
    ];
  },
  'a task run that fails, is retried and completes': async (h) => {
    const task = await h.taskRun({
      state: Pending({}, h.env),
      empiricalPolicy: { retries: 1, retryDelay: 0 },
    });
    const results = [];
    for (const state of [Running, Failed, Pending, Running, Completed]) {
      results.push(await h.engine.setTaskRunState(task.id, state({}, h.env)));
    }
    return results;
  },
  'a completed task run cached, then a second one served from the cache': async (h) => {
    const cache = { stateDetails: { cacheKey: 'K' } };
    const first = await h.taskRun({ state: Running({}, h.env) });
    const second = await h.taskRun({ state: Pending({}, h.env) });
    return [
      await h.engine.setTaskRunState(first.id, Completed({ ...cache, data: 42 }, h.env)),
      await h.engine.setTaskRunState(second.id, Running(cache, h.env)),
      await h.store.cacheEntries(),
    ];
  },
  'a paused flow stops its task runs from starting': async (h) => {
    const flow = await h.flowRun({ state: Paused({}, {}, h.env) });
    const task = await h.taskRun({ flowRunId: flow.id, state: Pending({}, h.env) });
    return [await h.engine.setTaskRunState(task.id, Running({}, h.env))];
  },
  'a failed task rerun while its flow retries': async (h) => {
    const flow = await h.flowRun({ state: Running({}, h.env), runCount: 2 });
    const task = await h.taskRun({
      flowRunId: flow.id,
      state: Failed({}, h.env),
      runCount: 1,
      flowRunRunCount: 1,
    });
    return [await h.engine.setTaskRunState(task.id, Running({}, h.env))];
  },
  'a flow run paused with a key, then resumed': async (h) => {
    const flow = await h.flowRun({ state: Running({}, h.env) });
    return [
      await h.engine.setFlowRunState(flow.id, Paused({ pauseKey: 'p' }, {}, h.env)),
      await h.engine.resumeFlowRun(flow.id),
      await h.engine.setFlowRunState(flow.id, Running({}, h.env)),
    ];
  },
  'a subflow whose state is mirrored onto its parent task run': async (h) => {
    const parentTask = await h.taskRun({ state: Running({}, h.env) });
    const subflow = await h.flowRun({ state: Running({}, h.env), parentTaskRunId: parentTask.id });
    return [
      await h.engine.setFlowRunState(subflow.id, Cancelling({}, h.env)),
      await h.read('task', parentTask.id),
    ];
  },
  'a legacy client’s flow retry forcing its failed task runs back (nested orchestrations)': async (
    h,
  ) => {
    const flow = await h.flowRun({
      state: Running({}, h.env),
      empiricalPolicy: { retries: 1, retryDelay: 30 },
    });
    const failed = await h.taskRun({ flowRunId: flow.id, state: Failed({}, h.env), runCount: 2 });
    return [
      await h.engine.setFlowRunState(flow.id, Failed({}, h.env), { apiVersion: '0.8.2' }),
      await h.read('task', failed.id),
    ];
  },
  'a transition rolled back when an after hook throws': async (h) => {
    const task = await h.taskRun({ state: Running({}, h.env) });
    const policy = policyOf('ThrowOnly', [ThrowAfterValidation]);
    const outcome = await settle(
      h.engine.setTaskRunState(task.id, Completed({ data: 1 }, h.env), { policy }),
    );
    expect((outcome as { rejected: unknown }).rejected).toBeInstanceOf(AfterHookFailure);
    return [await h.read('task', task.id)];
  },
};

// Only the in-memory store answers synchronously; a database store already returns
// promises everywhere, so there is nothing to compare it with.
describe.runIf(STORE_KIND === 'memory')(
  'orchestration over a store whose every method returns a promise',
  () => {
    it.each(Object.keys(SCENARIOS))(
      'ends exactly as over the synchronous in-memory store: %s',
      async (name) => {
        const { sync, async, count } = await bothWays(SCENARIOS[name]!);
        expect(count.calls).toBeGreaterThan(0);
        expect(async.results).toEqual(sync.results);
        expect(async.contents).toEqual(sync.contents);
        expect(async.records).toEqual(sync.records);
      },
    );
  },
);
