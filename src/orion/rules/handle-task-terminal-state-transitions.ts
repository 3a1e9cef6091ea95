/**
 * `HandleTaskTerminalStateTransitions` (Prefect's policy rule): a task run in a
 * terminal state stays there, unless it failed, crashed or was cancelled and its flow
 * run has started a newer attempt: then it may run again, with its run count reset so
 * that task retries work in the new attempt.
 */
import { whenReady } from '../../maybe-promise.ts';
import { OrchestrationRule } from '../../orchestration-rule.ts';
import { declareReadOnlyHooks } from '../../read-only-hooks.ts';
import type { State } from '../../state.ts';
import {
  ALL_ORCHESTRATION_STATES,
  StateType,
  TERMINAL_STATES,
  type StateName,
} from '../../state-type.ts';
import type { StateSet } from '../../state-set.ts';
import type { TaskOrchestrationContext } from '../contexts/task-orchestration-context.ts';
import { ObjectNotFoundError } from '../object-not-found-error.ts';
import { requireState } from '../require-state.ts';

const RERUNNABLE: ReadonlySet<StateName> = new Set<StateName>([
  StateType.FAILED,
  StateType.CRASHED,
  StateType.CANCELLED,
]);

export class HandleTaskTerminalStateTransitions extends OrchestrationRule<TaskOrchestrationContext> {
  static override FROM_STATES: StateSet = TERMINAL_STATES;
  static override TO_STATES: StateSet = ALL_ORCHESTRATION_STATES;

  #originalRunCount: number | null = null;

  /**
   * FAILED/CRASHED/CANCELLED → RUNNING while the flow is retrying (its `runCount` is
   * ahead of the task's `flowRunRunCount`): `runCount = 0`, renamed `Retrying`, let
   * through. Everything else aborts.
   */
  override beforeTransition(
    initial: State | null,
    proposed: State | null,
    context: TaskOrchestrationContext,
  ): void | Promise<void> {
    const run = context.run;
    this.#originalRunCount = run.runCount;
    const proposal = requireState(proposed, this.constructor.name, 'proposed');
    if (proposal.type === StateType.RUNNING && RERUNNABLE.has(initial!.type)) {
      return whenReady(context.flowRun(), (flowRun) => {
        if (flowRun === null) {
          throw new ObjectNotFoundError(
            `Flow run ${run.flowRunId} of task run ${run.id} was not found.`,
          );
        }
        if (run.flowRunRunCount < flowRun.runCount) {
          run.runCount = 0;
          this.renameState('Retrying');
          return;
        }
        this.abortTransition('This run has already terminated.');
      });
    }
    this.abortTransition('This run has already terminated.');
  }

  /** Restores the run count when a later rule changed the transition. */
  override cleanup(
    _initial: State | null,
    _validated: State | null,
    context: TaskOrchestrationContext,
  ): void {
    if (this.#originalRunCount !== null) context.run.runCount = this.#originalRunCount;
  }
}

// Reviewed: its hooks only read their arguments (see read-only-hooks.ts).
declareReadOnlyHooks(HandleTaskTerminalStateTransitions);
