/**
 * `IncrementFlowRunCount` (Prefect's global transform): counts a flow run's attempts.
 */
import { UniversalTransform } from '../../universal-transform.ts';
import { StateType } from '../../state-type.ts';
import { isCurrentClient } from '../api-version.ts';
import type { FlowOrchestrationContext } from '../contexts/flow-orchestration-context.ts';

export class IncrementFlowRunCount extends UniversalTransform<FlowOrchestrationContext> {
  /**
   * Entering RUNNING counts a run, except when a current client (api-version null or
   * >= 0.8.4) resumes a rescheduled pause (`resuming` already set).
   */
  override beforeTransition(context: FlowOrchestrationContext): void {
    if (this.nullifiedTransition()) return;
    if (context.proposedState!.type !== StateType.RUNNING) return;
    if (isCurrentClient(context.parameters) && context.run.empiricalPolicy.resuming) return;
    context.run.runCount += 1;
  }
}
