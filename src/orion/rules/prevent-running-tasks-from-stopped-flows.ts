/**
 * `PreventRunningTasksFromStoppedFlows` (Prefect's policy rule): a task run may only
 * start while its flow run is RUNNING; under a paused flow it is parked as `NotReady`.
 */
import { NotReady } from '../../named-states.ts';
import { whenReady } from '../../maybe-promise.ts';
import { OrchestrationRule } from '../../orchestration-rule.ts';
import { declareReadOnlyHooks } from '../../read-only-hooks.ts';
import type { State } from '../../state.ts';
import { ALL_ORCHESTRATION_STATES, StateType, type StateName } from '../../state-type.ts';
import type { StateSet } from '../../state-set.ts';
import type { TaskOrchestrationContext } from '../contexts/task-orchestration-context.ts';
import { ObjectNotFoundError } from '../object-not-found-error.ts';
import type { FlowRun } from '../runs/flow-run.ts';

export class PreventRunningTasksFromStoppedFlows extends OrchestrationRule<TaskOrchestrationContext> {
  static override FROM_STATES: StateSet = ALL_ORCHESTRATION_STATES;
  static override TO_STATES: StateSet = new Set<StateName | null>([StateType.RUNNING]);

  /** Flow PAUSED: rejects with `NotReady` (PAUSED). Flow without state or not RUNNING: aborts. */
  override beforeTransition(
    _initial: State | null,
    _proposed: State | null,
    context: TaskOrchestrationContext,
  ): void | Promise<void> {
    return whenReady(context.flowRun(), (flowRun) => this.#check(flowRun, context));
  }

  #check(flowRun: FlowRun | null, context: TaskOrchestrationContext): void {
    if (flowRun === null) {
      throw new ObjectNotFoundError(
        `Flow run ${context.run.flowRunId} of task run ${context.run.id} was not found.`,
      );
    }
    if (flowRun.stateType === StateType.PAUSED) {
      this.rejectTransition(
        NotReady({}, { clock: context.clock, random: context.random }),
        `The flow is paused, new tasks can execute after resuming flow run: ${flowRun.id}.`,
      );
    } else if (flowRun.stateType !== StateType.RUNNING) {
      this.abortTransition('The enclosing flow must be running to begin task execution.');
    }
  }
}

// Reviewed: its hooks only read their arguments (see read-only-hooks.ts).
declareReadOnlyHooks(PreventRunningTasksFromStoppedFlows);
