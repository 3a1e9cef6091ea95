/**
 * Realistic task-run lifecycles: the sequences of (current type, proposed type) pairs a
 * task run sends to the orchestrator, with how often each lifecycle occurs. The lookup
 * benchmark's "lifecycle" workload interleaves them; the orchestration benchmark drives
 * the first and the third (a run that completes, a run that fails and is retried).
 *
 * A pair's first member is the run's type *after* the previous proposal's outcome: a
 * RUNNING → FAILED proposal that `RetryFailedTasks` rejects into AwaitingRetry leaves
 * the run SCHEDULED, so the next proposal starts from SCHEDULED.
 */
import { StateType, type StateName } from '../../../src/index.ts';

export type TransitionPair = readonly [from: StateName | null, to: StateName | null];

export interface TaskLifecycle {
  readonly name: string;
  /** Relative frequency among lifecycles. */
  readonly weight: number;
  readonly pairs: readonly TransitionPair[];
}

const { SCHEDULED, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, CRASHED, PAUSED, CANCELLING } =
  StateType;

/** The lifecycles, most frequent first. */
export const TASK_LIFECYCLES: readonly TaskLifecycle[] = [
  {
    name: 'completes',
    weight: 70,
    pairs: [
      [null, PENDING],
      [PENDING, RUNNING],
      [RUNNING, COMPLETED],
    ],
  },
  {
    name: 'is scheduled, then completes',
    weight: 8,
    pairs: [
      [null, SCHEDULED],
      [SCHEDULED, PENDING],
      [PENDING, RUNNING],
      [RUNNING, COMPLETED],
    ],
  },
  {
    // RUNNING → FAILED is rejected into AwaitingRetry (SCHEDULED); the retry then runs.
    name: 'fails, is retried, completes',
    weight: 8,
    pairs: [
      [null, PENDING],
      [PENDING, RUNNING],
      [RUNNING, FAILED],
      [SCHEDULED, PENDING],
      [PENDING, RUNNING],
      [RUNNING, COMPLETED],
    ],
  },
  {
    name: 'fails, is retried, fails for good',
    weight: 3,
    pairs: [
      [null, PENDING],
      [PENDING, RUNNING],
      [RUNNING, FAILED],
      [SCHEDULED, PENDING],
      [PENDING, RUNNING],
      [RUNNING, FAILED],
    ],
  },
  // The RUNNING proposal is rejected into a COMPLETED `Cached` state: the run is done.
  {
    name: 'hits the cache',
    weight: 3,
    pairs: [
      [null, PENDING],
      [PENDING, RUNNING],
    ],
  },
  {
    name: 'crashes',
    weight: 2,
    pairs: [
      [null, PENDING],
      [PENDING, RUNNING],
      [RUNNING, CRASHED],
    ],
  },
  {
    name: 'is cancelled while running',
    weight: 2,
    pairs: [
      [null, PENDING],
      [PENDING, RUNNING],
      [RUNNING, CANCELLING],
      [CANCELLING, CANCELLED],
    ],
  },
  {
    name: 'is cancelled before it starts',
    weight: 1,
    pairs: [
      [null, PENDING],
      [PENDING, CANCELLED],
    ],
  },
  {
    // A second agent repeats a proposal; PreventRedundantTransitions aborts it.
    name: 'gets duplicate proposals',
    weight: 1,
    pairs: [
      [null, PENDING],
      [PENDING, PENDING],
      [PENDING, RUNNING],
      [RUNNING, RUNNING],
      [RUNNING, COMPLETED],
    ],
  },
  {
    // The RUNNING proposal is rejected into PAUSED `NotReady` while the flow is paused.
    name: 'waits for a paused flow',
    weight: 1,
    pairs: [
      [null, PENDING],
      [PENDING, RUNNING],
      [PAUSED, RUNNING],
      [RUNNING, COMPLETED],
    ],
  },
  {
    // Retries exhausted; the parent flow retries and the task reruns from FAILED.
    name: 'reruns after its flow is retried',
    weight: 1,
    pairs: [
      [null, PENDING],
      [PENDING, RUNNING],
      [RUNNING, FAILED],
      [FAILED, RUNNING],
      [RUNNING, COMPLETED],
    ],
  },
];
