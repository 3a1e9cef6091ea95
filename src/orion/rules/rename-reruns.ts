/**
 * `RenameReruns` (Prefect's policy rule): a task run entering RUNNING again is named
 * `Retrying` (after `AwaitingRetry`) or `Rerunning`. The type is unchanged.
 */
import { OrchestrationRule } from '../../orchestration-rule.ts';
import { declareReadOnlyHooks } from '../../read-only-hooks.ts';
import type { State } from '../../state.ts';
import { ALL_ORCHESTRATION_STATES, StateType, type StateName } from '../../state-type.ts';
import type { StateSet } from '../../state-set.ts';
import type { TaskOrchestrationContext } from '../contexts/task-orchestration-context.ts';
import { requireState } from '../require-state.ts';

export class RenameReruns extends OrchestrationRule<TaskOrchestrationContext> {
  static override FROM_STATES: StateSet = ALL_ORCHESTRATION_STATES;
  static override TO_STATES: StateSet = new Set<StateName | null>([StateType.RUNNING]);

  /** Renames when `runCount > 0`; a first run keeps its name. */
  override beforeTransition(
    initial: State | null,
    _proposed: State | null,
    context: TaskOrchestrationContext,
  ): void {
    if (context.run.runCount <= 0) return;
    // As in the reference, a run with runs behind it but no state is an error.
    const previous = requireState(initial, this.constructor.name, 'initial');
    this.renameState(previous.name === 'AwaitingRetry' ? 'Retrying' : 'Rerunning');
  }
}

// Reviewed: its hooks only read their arguments (see read-only-hooks.ts).
declareReadOnlyHooks(RenameReruns);
