/**
 * `HandleResumingPausedFlows` (Prefect's policy rule): a paused flow run may only
 * resume to RUNNING, SCHEDULED or a terminal state, a rescheduling pause needs a
 * deployment, and a timed-out pause fails the run. Its after hook marks the run as
 * resuming.
 */
import { Failed } from '../../named-states.ts';
import { OrchestrationRule } from '../../orchestration-rule.ts';
import { declareReadOnlyHooks } from '../../read-only-hooks.ts';
import type { State } from '../../state.ts';
import {
  ALL_ORCHESTRATION_STATES,
  isTerminal,
  StateType,
  type StateName,
} from '../../state-type.ts';
import type { StateSet } from '../../state-set.ts';
import type { FlowOrchestrationContext } from '../contexts/flow-orchestration-context.ts';
import { requireState } from '../require-state.ts';

export class HandleResumingPausedFlows extends OrchestrationRule<FlowOrchestrationContext> {
  static override FROM_STATES: StateSet = new Set<StateName | null>([StateType.PAUSED]);
  static override TO_STATES: StateSet = ALL_ORCHESTRATION_STATES;

  override beforeTransition(
    initial: State | null,
    proposed: State | null,
    context: FlowOrchestrationContext,
  ): void {
    const paused = initial!; // FROM = {PAUSED}
    const proposal = requireState(proposed, this.constructor.name, 'proposed');
    const to = proposal.type;
    if (to !== StateType.RUNNING && to !== StateType.SCHEDULED && !isTerminal(to)) {
      this.rejectTransition(
        null,
        `This run cannot transition to the ${to} state from the ${paused.type} state.`,
      );
      return;
    }
    if (paused.stateDetails.pauseReschedule && !context.run.deploymentId) {
      this.rejectTransition(null, 'Cannot reschedule a paused flow run without a deployment.');
      return;
    }
    const timeout = paused.stateDetails.pauseTimeout;
    if (timeout !== null && timeout < context.now()) {
      const failed = Failed(
        { message: 'The flow was paused and never resumed.' },
        { clock: context.clock, random: context.random },
      );
      this.rejectTransition(failed, 'The flow run pause has timed out and can no longer resume.');
    }
  }

  /**
   * Sets `resuming`. TO is the whole universe, so the rule stays valid after its own
   * rejections and this runs for them too (kept reference behaviour).
   */
  override afterTransition(
    _initial: State | null,
    _validated: State | null,
    context: FlowOrchestrationContext,
  ): void {
    context.run.empiricalPolicy.resuming = true;
  }
}

// Reviewed: its hooks only read their arguments (see read-only-hooks.ts).
declareReadOnlyHooks(HandleResumingPausedFlows);
