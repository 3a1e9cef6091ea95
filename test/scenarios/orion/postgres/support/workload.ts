/**
 * The multi-process workload: which task runs exist, what each one is meant to do, and
 * `driveTask`, which proposes a task's states through an engine until it reaches the
 * end of its plan. Worker processes and the test share it, so both agree on every
 * run's expected outcome.
 */
import {
  Cancelled,
  Cancelling,
  Completed,
  Failed,
  Pending,
  Running,
  SetStateStatus,
  StateType,
  type OrchestrationResult,
  type State,
} from '../../../../../src/index.ts';
import type { OrionEngine } from '../../../../../src/orion/index.ts';

/** The tag limits the runs share. */
export const LIMITS: Readonly<Record<string, number>> = { a: 4, b: 2, c: 5 };

/** The id of the `index`-th task run: the number is in the id, so every process agrees on it. */
export function taskRunId(index: number): string {
  return `task-${String(index).padStart(4, '0')}`;
}

/** The number of a task run, from its id. */
export function taskRunIndex(id: string): number {
  return Number(id.slice('task-'.length));
}

/** What a task run is meant to do. */
export type Plan = 'complete' | 'retry' | 'fail' | 'cached' | 'cancel';

/** The plan of the `index`-th task run (creation order): half complete, the rest spread over the other plans. */
export function planOf(index: number): Plan {
  const slot = index % 10;
  if (slot < 4) return 'complete';
  if (slot === 4 || slot === 5) return 'cached';
  if (slot === 6) return 'retry';
  if (slot === 7) return 'fail';
  if (slot === 8) return 'cancel';
  return 'complete';
}

/**
 * The tags of the `index`-th task run: every run has at least one limited tag, some
 * two. Seven combinations, so every worker (every n-th run) gets a mix.
 */
export function tagsOf(index: number): string[] {
  return [['a'], ['a', 'b'], ['c'], ['b', 'c'], ['a'], ['c'], ['a', 'c']][index % 7]!;
}

/** The cache key of a `cached` run: a handful of keys, so most lookups hit. */
export function cacheKeyOf(index: number): string {
  return `key-${index % 6}`;
}

/** Where each plan ends: the final state type. */
export const FINAL_TYPE: Readonly<Record<Plan, string>> = {
  complete: StateType.COMPLETED,
  retry: StateType.COMPLETED,
  fail: StateType.FAILED,
  cached: StateType.COMPLETED,
  cancel: StateType.CANCELLED,
};

export interface DriveCounts {
  transitions: number;
  waits: number;
}

/** Proposes `state`; on WAIT (a full tag) proposes it again a few milliseconds later. */
async function proposeUntilDecided(
  engine: OrionEngine,
  taskRunId: string,
  state: State,
  counts: DriveCounts,
): Promise<OrchestrationResult> {
  for (;;) {
    const result = await engine.setTaskRunState(taskRunId, state);
    counts.transitions++;
    if (result.status !== SetStateStatus.WAIT) return result;
    counts.waits++;
    await sleep(2 + Math.random() * 8);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drives task run `taskRunId` (the `index`-th, still without a state) to the end of its plan.
 * A WAIT (a full tag) is retried after a few milliseconds instead of the 30 s the rule
 * asks, to keep the contention high. Throws when a transition ends unexpectedly.
 */
async function driveTask(
  engine: OrionEngine,
  taskRunId: string,
  index: number,
  counts: DriveCounts,
): Promise<void> {
  const plan = planOf(index);
  const cacheKey = plan === 'cached' ? cacheKeyOf(index) : null;
  const propose = (state: State) => proposeUntilDecided(engine, taskRunId, state, counts);
  const expect = (result: OrchestrationResult, type: string, step: string): void => {
    if (result.state?.type !== type) {
      throw new Error(
        `Task run ${taskRunId} (#${index}, plan ${plan}) at ${step}: expected ${type}, got ${result.status} ${result.state?.type ?? 'no state'} (${JSON.stringify(result.details)}).`,
      );
    }
  };
  expect(await propose(Pending()), StateType.PENDING, '→ PENDING');
  const running = await propose(Running({ stateDetails: { cacheKey } }));
  if (plan === 'cached' && running.state?.type === StateType.COMPLETED) return; // a cache hit
  expect(running, StateType.RUNNING, 'PENDING → RUNNING');
  switch (plan) {
    case 'complete':
    case 'cached':
      expect(
        await propose(Completed({ data: { index }, stateDetails: { cacheKey } })),
        StateType.COMPLETED,
        'RUNNING → COMPLETED',
      );
      return;
    case 'fail':
      expect(
        await propose(Failed({ message: 'failed for good' })),
        StateType.FAILED,
        'RUNNING → FAILED',
      );
      return;
    case 'retry': {
      // retries: 1, so the failure is rejected into AwaitingRetry (SCHEDULED, no delay).
      expect(await propose(Failed()), StateType.SCHEDULED, 'RUNNING → FAILED (retried)');
      expect(await propose(Pending()), StateType.PENDING, 'AwaitingRetry → PENDING');
      expect(await propose(Running()), StateType.RUNNING, 'PENDING → RUNNING (retry)');
      expect(await propose(Completed()), StateType.COMPLETED, 'RUNNING → COMPLETED (retry)');
      return;
    }
    case 'cancel':
      expect(await propose(Cancelling()), StateType.CANCELLING, 'RUNNING → CANCELLING');
      expect(await propose(Cancelled()), StateType.CANCELLED, 'CANCELLING → CANCELLED');
      return;
  }
}

/** Drives `tasks` (with their creation indexes) with at most `inFlight` at once. */
export async function driveAll(
  engine: OrionEngine,
  tasks: readonly { id: string; index: number }[],
  inFlight: number,
  counts: DriveCounts,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      const { id, index } = tasks[next++]!;
      await driveTask(engine, id, index, counts);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
}

/**
 * Takes a task run whose driver died, wherever it was left, to a terminal state by the
 * shortest legal path; returns its final type.
 */
export async function finishTask(
  engine: OrionEngine,
  taskRunId: string,
  counts: DriveCounts,
): Promise<string> {
  for (let step = 0; step < 8; step++) {
    const type = await engine.store.transaction(
      async (session) => (await session.readTaskRun(taskRunId))?.stateType ?? null,
    );
    const next =
      type === StateType.RUNNING
        ? Completed()
        : type === StateType.CANCELLING
          ? Cancelled()
          : type === StateType.PENDING
            ? Running()
            : type === StateType.COMPLETED ||
                type === StateType.FAILED ||
                type === StateType.CANCELLED
              ? null
              : Pending();
    if (next === null) return type!;
    await proposeUntilDecided(engine, taskRunId, next, counts);
  }
  throw new Error(`Task run ${taskRunId} did not reach a terminal state in 8 steps.`);
}
