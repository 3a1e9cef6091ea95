/**
 * `RetryFailedTasks` (Prefect's policy rule): a failing task run with retries left
 * is rescheduled as `AwaitingRetry`, after a delay from its policy, optionally jittered.
 *
 * Differs from the reference on purpose (a bug fix): the delay and its jitter are
 * computed only when a retry is due; a base delay of 0 gets no jitter; an empty delay
 * list means a delay of 0. The reference computed the jitter first and divided by zero.
 */
import { AwaitingRetry } from '../../named-states.ts';
import { OrchestrationRule } from '../../orchestration-rule.ts';
import { declareReadOnlyHooks } from '../../read-only-hooks.ts';
import type { RandomSource } from '../../random-source.ts';
import type { State } from '../../state.ts';
import { StateType, type StateName } from '../../state-type.ts';
import type { StateSet } from '../../state-set.ts';
import { clampedPoissonInterval } from '../clamped-poisson-interval.ts';
import type { TaskOrchestrationContext } from '../contexts/task-orchestration-context.ts';
import type { TaskRunPolicy } from '../runs/task-run-policy.ts';

export class RetryFailedTasks extends OrchestrationRule<TaskOrchestrationContext> {
  static override FROM_STATES: StateSet = new Set<StateName | null>([StateType.RUNNING]);
  static override TO_STATES: StateSet = new Set<StateName | null>([StateType.FAILED]);

  /** While `runCount <= retries`, rejects with `AwaitingRetry` at now + the retry delay. */
  override beforeTransition(
    _initial: State | null,
    proposed: State | null,
    context: TaskOrchestrationContext,
  ): void {
    const run = context.run;
    const policy = run.empiricalPolicy;
    if (policy.retries === null || run.runCount > policy.retries) return;
    const delaySeconds = retryDelaySeconds(policy, run.runCount, context.random);
    const scheduledTime = new Date(context.now().getTime() + delaySeconds * 1000);
    const failure = proposed!; // TO = {FAILED}
    this.rejectTransition(
      AwaitingRetry(
        { message: failure.message, data: failure.data, stateDetails: { scheduledTime } },
        { clock: context.clock, random: context.random },
      ),
      'Retrying',
    );
  }
}

// Reviewed: its hooks only read their arguments (see read-only-hooks.ts).
declareReadOnlyHooks(RetryFailedTasks);

/**
 * The delay before retry number `runCount`: the `runCount`-th entry of a delay list
 * (the last one once the list is exhausted; Python indexing, so run count 0 also picks
 * the last), the single delay, or 0; jittered when a jitter factor is set and the base
 * delay is positive.
 */
function retryDelaySeconds(policy: TaskRunPolicy, runCount: number, random: RandomSource): number {
  const delays = policy.retryDelay;
  let base: number;
  if (Array.isArray(delays)) {
    base = delays.length === 0 ? 0 : delays.at(Math.min(runCount - 1, delays.length - 1))!;
  } else {
    base = delays ?? 0;
  }
  const jitter = policy.retryJitterFactor;
  if (jitter !== null && jitter !== 0 && base > 0)
    return clampedPoissonInterval(base, jitter, random);
  return base;
}
