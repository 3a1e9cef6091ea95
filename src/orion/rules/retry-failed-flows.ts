/**
 * `RetryFailedFlows` (Prefect's policy rule): a failing flow run with retries left
 * is rescheduled as `AwaitingRetry` instead. CRASHED never retries.
 */
import { AwaitingRetry } from '../../named-states.ts';
import { OrchestrationRule } from '../../orchestration-rule.ts';
import { declareReadOnlyHooks } from '../../read-only-hooks.ts';
import type { State } from '../../state.ts';
import { StateType, type StateName } from '../../state-type.ts';
import type { StateSet } from '../../state-set.ts';
import { isCurrentClient, isLegacyClient } from '../api-version.ts';
import type { FlowOrchestrationContext } from '../contexts/flow-orchestration-context.ts';

export class RetryFailedFlows extends OrchestrationRule<FlowOrchestrationContext> {
  static override FROM_STATES: StateSet = new Set<StateName | null>([StateType.RUNNING]);
  static override TO_STATES: StateSet = new Set<StateName | null>([StateType.FAILED]);

  /**
   * While `runCount <= retries`, rejects with `AwaitingRetry` scheduled `retryDelay`
   * seconds from now, carrying the failure's message and data. Current clients also
   * get their pause bookkeeping cleared; legacy clients (< 0.8.3) get the flow's failed
   * task runs forced back to `AwaitingRetry` with their run count reset.
   */
  override beforeTransition(
    _initial: State | null,
    proposed: State | null,
    context: FlowOrchestrationContext,
  ): void | Promise<void> {
    const run = context.run;
    const policy = run.empiricalPolicy;
    if (policy.retries === null || run.runCount > policy.retries) return;
    const scheduledTime = new Date(context.now().getTime() + (policy.retryDelay || 0) * 1000);
    if (isLegacyClient(context.parameters)) {
      return this.#retryTaskRuns(context, scheduledTime).then(() =>
        this.#retry(proposed!, context, scheduledTime),
      );
    }
    this.#retry(proposed!, context, scheduledTime);
  }

  /** Legacy clients: the flow's failed task runs are forced back to `AwaitingRetry`. */
  async #retryTaskRuns(context: FlowOrchestrationContext, scheduledTime: Date): Promise<void> {
    const env = { clock: context.clock, random: context.random };
    for (const taskRun of await context.session.readTaskRunsOfFlow(context.run.id)) {
      if (taskRun.stateType !== StateType.FAILED) continue;
      await context.orchestrator.forceTaskRunState(
        context.session,
        taskRun.id,
        AwaitingRetry({ stateDetails: { scheduledTime } }, env),
      );
      taskRun.runCount = 0;
    }
  }

  /** `failure` is the proposal (TO = {FAILED}). */
  #retry(failure: State, context: FlowOrchestrationContext, scheduledTime: Date): void {
    const policy = context.run.empiricalPolicy;
    if (isCurrentClient(context.parameters)) {
      policy.resuming = false;
      policy.pauseKeys = new Set();
    }
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
declareReadOnlyHooks(RetryFailedFlows);
