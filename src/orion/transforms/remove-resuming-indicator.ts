/**
 * `RemoveResumingIndicator` (Prefect's global transform): ends the resuming phase of a flow
 * run. Runs after `IncrementFlowRunCount`, which must see the flag first.
 */
import { UniversalTransform } from '../../universal-transform.ts';
import { isTerminal, StateType } from '../../state-type.ts';
import { isCurrentClient } from '../api-version.ts';
import type { FlowOrchestrationContext } from '../contexts/flow-orchestration-context.ts';

export class RemoveResumingIndicator extends UniversalTransform<FlowOrchestrationContext> {
  /** Current clients: entering RUNNING or a terminal state clears `resuming`. */
  override beforeTransition(context: FlowOrchestrationContext): void {
    if (this.nullifiedTransition()) return;
    if (!isCurrentClient(context.parameters)) return;
    const type = context.proposedState!.type;
    if (type === StateType.RUNNING || isTerminal(type))
      context.run.empiricalPolicy.resuming = false;
  }
}
