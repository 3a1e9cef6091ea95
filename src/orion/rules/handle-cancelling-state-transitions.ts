/**
 * `HandleCancellingStateTransitions` (Prefect's policy rule): a cancelling flow run
 * may only become CANCELLED. FROM keeps the reference's CANCELLED (a kept oddity: it
 * makes a manual retry of a cancelled, deployed flow run a REJECT).
 */
import { OrchestrationRule } from '../../orchestration-rule.ts';
import { declareReadOnlyHooks } from '../../read-only-hooks.ts';
import type { State } from '../../state.ts';
import { ALL_ORCHESTRATION_STATES, StateType, type StateName } from '../../state-type.ts';
import type { StateSet } from '../../state-set.ts';
import type { FlowOrchestrationContext } from '../contexts/flow-orchestration-context.ts';

export class HandleCancellingStateTransitions extends OrchestrationRule<FlowOrchestrationContext> {
  static override FROM_STATES: StateSet = new Set<StateName | null>([
    StateType.CANCELLED,
    StateType.CANCELLING,
  ]);
  static override TO_STATES: StateSet = new Set<StateName | null>(
    [...ALL_ORCHESTRATION_STATES].filter((type) => type !== StateType.CANCELLED),
  );

  /** Always rejects with null: the run keeps its state. */
  override beforeTransition(
    _initial: State | null,
    _proposed: State | null,
    _context: FlowOrchestrationContext,
  ): void {
    this.rejectTransition(
      null,
      'Cannot transition flows that are cancelling to a state other than Cancelled.',
    );
  }
}

// Reviewed: its hooks only read their arguments (see read-only-hooks.ts).
declareReadOnlyHooks(HandleCancellingStateTransitions);
