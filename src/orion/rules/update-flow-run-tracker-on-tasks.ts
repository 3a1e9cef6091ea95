/**
 * `UpdateFlowRunTrackerOnTasks` (Prefect's policy rule): a task run that starts
 * records which attempt of its flow run it belongs to.
 */
import { whenReady } from '../../maybe-promise.ts';
import { OrchestrationRule } from '../../orchestration-rule.ts';
import { declareReadOnlyHooks } from '../../read-only-hooks.ts';
import type { State } from '../../state.ts';
import { ALL_ORCHESTRATION_STATES, StateType, type StateName } from '../../state-type.ts';
import type { StateSet } from '../../state-set.ts';
import type { TaskOrchestrationContext } from '../contexts/task-orchestration-context.ts';
import { ObjectNotFoundError } from '../object-not-found-error.ts';

export class UpdateFlowRunTrackerOnTasks extends OrchestrationRule<TaskOrchestrationContext> {
  static override FROM_STATES: StateSet = ALL_ORCHESTRATION_STATES;
  static override TO_STATES: StateSet = new Set<StateName | null>([StateType.RUNNING]);

  /**
   * Sets `flowRunRunCount` to the flow run's `runCount`. Throws `ObjectNotFoundError`
   * when the flow run is gone; from an after hook that error propagates (no ABORT).
   */
  override afterTransition(
    _initial: State | null,
    _validated: State | null,
    context: TaskOrchestrationContext,
  ): void | Promise<void> {
    return whenReady(context.flowRun(), (flowRun) => {
      if (flowRun === null) {
        throw new ObjectNotFoundError(
          `Unable to read flow run ${context.run.flowRunId} of task run ${context.run.id}: it was not found.`,
        );
      }
      context.run.flowRunRunCount = flowRun.runCount;
    });
  }
}

// Reviewed: its hooks only read their arguments (see read-only-hooks.ts).
declareReadOnlyHooks(UpdateFlowRunTrackerOnTasks);
