/**
 * `CacheInsertion` and `CacheRetrieval`, against the in-memory store's cache table:
 * scenario 18, from Prefect's orchestration tests, and 41, derived from Prefect's code.
 */
import { describe, expect, it } from 'vitest';
import {
  Completed,
  createState,
  Pending,
  Running,
  SetStateStatus,
  STATE_TYPES,
  StateType,
  type StateName,
} from '../../../src/index.ts';
import { CacheInsertion, CacheRetrieval } from '../../../src/orion/index.ts';
import { orionHarness, START } from './support/engine.ts';
import { policyOf } from './support/test-rules.ts';

const CachePolicy = policyOf('CachePolicy', [CacheInsertion, CacheRetrieval]);
const DAY = 24 * 3600_000;

/** Task A goes RUNNING → `firstType` with key K and `expiration`; task B then proposes RUNNING with K. */
async function cacheThenLookup(
  expiration: Date | null,
  firstType: StateName = StateType.COMPLETED,
) {
  const h = orionHarness();
  const flow = await h.flowRun({ state: Running({}, h.env) });
  const a = await h.taskRun({ flowRunId: flow.id, state: Running({}, h.env) });
  const first = await h.engine.setTaskRunState(
    a.id,
    createState(
      firstType,
      { data: { answer: 42 }, stateDetails: { cacheKey: 'K', cacheExpiration: expiration } },
      h.env,
    ),
    { policy: CachePolicy },
  );
  const b = await h.taskRun({ flowRunId: flow.id, state: Pending({}, h.env) });
  const result = await h.engine.setTaskRunState(
    b.id,
    Running({ stateDetails: { cacheKey: 'K' } }, h.env),
    {
      policy: CachePolicy,
    },
  );
  return { h, first, b, result };
}

describe('the task-run cache (scenario 18)', () => {
  it('ignores an entry that expired yesterday: ACCEPT, named Running', async () => {
    const { result } = await cacheThenLookup(new Date(START.getTime() - DAY));
    expect(result.status).toBe(SetStateStatus.ACCEPT);
    expect(result.state?.type).toBe(StateType.RUNNING);
    expect(result.state?.name).toBe('Running');
  });

  it('returns an entry that expires tomorrow: REJECT with a Cached copy of the COMPLETED state', async () => {
    const { h, first, b, result } = await cacheThenLookup(new Date(START.getTime() + DAY));
    expect(result.status).toBe(SetStateStatus.REJECT);
    expect(result.details).toMatchObject({ type: 'reject_details' });
    expect(result.state).toMatchObject({
      type: StateType.COMPLETED,
      name: 'Cached',
      data: { answer: 42 },
    });
    expect(result.state?.id).not.toBe(first.state?.id);
    expect(result.state?.stateDetails).toMatchObject({
      cacheKey: 'K',
      taskRunId: b.id,
      flowRunId: b.flowRunId,
    });
    expect(await h.read('task', b.id)).toMatchObject({
      stateType: StateType.COMPLETED,
      stateName: 'Cached',
      runCount: 0,
    });
    expect(result.state?.stateDetails.cacheExpiration).toEqual(new Date(START.getTime() + DAY));
  });

  it('returns an entry that never expires: REJECT, named Cached', async () => {
    const { result } = await cacheThenLookup(null);
    expect(result.status).toBe(SetStateStatus.REJECT);
    expect(result.state).toMatchObject({ type: StateType.COMPLETED, name: 'Cached' });
  });

  it('caches only COMPLETED: after any other first state, B is accepted and no entry exists', async () => {
    for (const type of STATE_TYPES.filter((t) => t !== StateType.COMPLETED)) {
      const { h, result } = await cacheThenLookup(null, type);
      expect(result.status, type).toBe(SetStateStatus.ACCEPT);
      expect(result.state?.name, type).toBe('Running');
      expect(await h.store.cacheEntries(), type).toEqual([]);
    }
  });

  it('prefers the newest entry for a key, and skips the lookup when the proposal asks to refresh', async () => {
    const h = orionHarness();
    const flow = await h.flowRun({ state: Running({}, h.env) });
    for (const answer of [1, 2]) {
      const task = await h.taskRun({ flowRunId: flow.id, state: Running({}, h.env) });
      await h.engine.setTaskRunState(
        task.id,
        Completed({ data: answer, stateDetails: { cacheKey: 'K' } }, h.env),
        {
          policy: CachePolicy,
        },
      );
      h.clock.advance(1);
    }
    const hit = await h.taskRun({ flowRunId: flow.id, state: Pending({}, h.env) });
    const refresh = await h.taskRun({ flowRunId: flow.id, state: Pending({}, h.env) });

    const cached = await h.engine.setTaskRunState(
      hit.id,
      Running({ stateDetails: { cacheKey: 'K' } }, h.env),
      {
        policy: CachePolicy,
      },
    );
    const refreshed = await h.engine.setTaskRunState(
      refresh.id,
      Running({ stateDetails: { cacheKey: 'K', refreshCache: true } }, h.env),
      { policy: CachePolicy },
    );

    expect(cached.state).toMatchObject({ name: 'Cached', data: 2 });
    expect(refreshed.status).toBe(SetStateStatus.ACCEPT);
  });
});

describe('a cache hit in a terminal state (scenario 41)', () => {
  it('rejects a COMPLETED task’s RUNNING proposal into a Cached COMPLETED state instead of aborting', async () => {
    const h = orionHarness();
    const task = await h.taskRun({ state: Running({}, h.env) });
    const completed = await h.engine.setTaskRunState(
      task.id,
      Completed({ stateDetails: { cacheKey: 'K' } }, h.env),
    );
    expect(completed.status).toBe(SetStateStatus.ACCEPT);

    const result = await h.engine.setTaskRunState(
      task.id,
      Running({ stateDetails: { cacheKey: 'K' } }, h.env),
    );

    expect(result.status).toBe(SetStateStatus.REJECT);
    expect(result.state).toMatchObject({ type: StateType.COMPLETED, name: 'Cached' });
    expect(h.records.at(-1)!.ruleSignature[0]).toBe(CacheRetrieval.name);
  });
});
