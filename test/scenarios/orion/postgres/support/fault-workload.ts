/**
 * The workload of the fault suite: task runs of a few flows, most under a tag limit,
 * each driven PENDING → RUNNING → COMPLETED as a careful caller would: every proposal
 * carries its own state id (`stateId`), a retryable store error proposes the same state
 * again (safe: a proposal that did commit is returned, not applied twice), WAIT
 * proposes again. Every ACCEPT is recorded as acknowledged, for the audit.
 */
import {
  Completed,
  Pending,
  Running,
  SetStateStatus,
  type State,
} from '../../../../../src/index.ts';
import type { OrionEngine } from '../../../../../src/orion/index.ts';
import { StoreError, type PostgresOrionStore } from '../../../../../src/orion/postgres/index.ts';
import type { Acknowledged } from './audit.ts';

export const FAULT_TAG = 'hot';
const FAULT_LIMIT = 3;

export interface FaultProgress {
  acknowledged: Acknowledged[];
  /** Store errors the driver saw and retried, by code. */
  errors: Record<string, number>;
  transitions: number;
}

export function newProgress(): FaultProgress {
  return { acknowledged: [], errors: {}, transitions: 0 };
}

/** Creates `runs` task runs (prefix `prefix`) in 4 flows, RUNNING; 3 in 4 under the tag. */
export async function createFaultRuns(
  store: PostgresOrionStore,
  engine: OrionEngine,
  prefix: string,
  runs: number,
): Promise<string[]> {
  await store.setConcurrencyLimit(FAULT_TAG, FAULT_LIMIT);
  const ids: string[] = [];
  for (let flow = 0; flow < 4; flow++) {
    const flowId = `${prefix}-flow-${flow}`;
    await store.addFlowRun({ id: flowId });
    await engine.setFlowRunState(flowId, Running(), { force: true });
  }
  for (let i = 0; i < runs; i++) {
    const run = await store.addTaskRun({
      id: `${prefix}-task-${String(i).padStart(3, '0')}`,
      flowRunId: `${prefix}-flow-${i % 4}`,
      tags: i % 4 === 3 ? [] : [FAULT_TAG],
    });
    ids.push(run.id);
  }
  return ids;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Proposes `make()` to task run `id` under state id `stateId` until ACCEPT; retries
 * retryable store errors (the same state id) for up to `patienceMs`.
 */
async function proposeCarefully(
  engine: OrionEngine,
  id: string,
  stateId: string,
  make: () => State,
  progress: FaultProgress,
  patienceMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + patienceMs;
  for (;;) {
    try {
      const result = await engine.setTaskRunState(id, make(), { stateId });
      progress.transitions++;
      if (result.status === SetStateStatus.ACCEPT) {
        progress.acknowledged.push({ runId: id, stateId: result.state!.id });
        return;
      }
      if (result.status !== SetStateStatus.WAIT) {
        throw new Error(`${id}: unexpected ${result.status} (${JSON.stringify(result.details)})`);
      }
      await sleep(5);
    } catch (error) {
      if (!(error instanceof StoreError) || !error.retryable || Date.now() > deadline) throw error;
      progress.errors[error.code] = (progress.errors[error.code] ?? 0) + 1;
      if (process.env.PM_DEBUG) console.log(id, stateId, error.code, error.message);
      await sleep(50);
    }
  }
}

/** Drives `ids` to COMPLETED, `lanes` at once; `onTransition` runs after each acknowledged one. */
export async function driveFaultRuns(
  engine: OrionEngine,
  ids: readonly string[],
  lanes: number,
  progress: FaultProgress,
  onTransition: () => Promise<void> | void = () => {},
): Promise<void> {
  let next = 0;
  const steps: [string, () => State][] = [
    ['pending', () => Pending()],
    ['running', () => Running()],
    ['completed', () => Completed({ data: { done: true } })],
  ];
  const lane = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      for (const [step, make] of steps) {
        await proposeCarefully(engine, id, `${id}-${step}`, make, progress);
        await onTransition();
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}
