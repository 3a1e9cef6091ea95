/**
 * `HandlePausingFlows` (Prefect's policy rule): only running flow runs may pause,
 * each pause key pauses a run once, and rescheduling pauses need a deployment and are
 * not allowed for subflows.
 */
import { OrchestrationRule } from '../../orchestration-rule.ts';
import { declareReadOnlyHooks } from '../../read-only-hooks.ts';
import type { State } from '../../state.ts';
import { ALL_ORCHESTRATION_STATES, StateType, type StateName } from '../../state-type.ts';
import type { StateSet } from '../../state-set.ts';
import type { FlowOrchestrationContext } from '../contexts/flow-orchestration-context.ts';

export class HandlePausingFlows extends OrchestrationRule<FlowOrchestrationContext> {
  static override FROM_STATES: StateSet = ALL_ORCHESTRATION_STATES;
  static override TO_STATES: StateSet = new Set<StateName | null>([StateType.PAUSED]);

  #pauseKey: string | null = null;

  /**
   * Checks, in order: a state to pause from, a RUNNING one, an unused key (the
   * proposal's, or a random one from the context that is not written onto the state),
   * and for a rescheduling pause no parent task and a deployment.
   */
  override beforeTransition(
    initial: State | null,
    proposed: State | null,
    context: FlowOrchestrationContext,
  ): void {
    if (initial === null) {
      this.abortTransition('Cannot pause flows with no state.');
      return;
    }
    if (initial.type !== StateType.RUNNING) {
      this.rejectTransition(null, 'Cannot pause flows that are not currently running.');
      return;
    }
    // TO = {PAUSED}, so a valid rule always has a proposal.
    const details = proposed!.stateDetails;
    this.#pauseKey = details.pauseKey ?? context.random.uuid();
    const run = context.run;
    if (run.empiricalPolicy.pauseKeys.has(this.#pauseKey)) {
      this.rejectTransition(null, 'This pause has already fired.');
      return;
    }
    if (details.pauseReschedule) {
      if (run.parentTaskRunId) {
        this.abortTransition('Cannot pause subflows with the reschedule option.');
      } else if (!run.deploymentId) {
        this.abortTransition('Cannot pause flows without a deployment with the reschedule option.');
      }
    }
  }

  /**
   * Records the key. Runs only when the run really paused: after this rule's own
   * reject or abort it is invalid at exit (its TO excludes null), so this is skipped.
   */
  override afterTransition(
    _initial: State | null,
    _validated: State | null,
    context: FlowOrchestrationContext,
  ): void {
    if (this.#pauseKey !== null) context.run.empiricalPolicy.pauseKeys.add(this.#pauseKey);
  }
}

// Reviewed: its hooks only read their arguments (see read-only-hooks.ts).
declareReadOnlyHooks(HandlePausingFlows);
