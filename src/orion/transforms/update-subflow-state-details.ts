/**
 * `UpdateSubflowStateDetails` (Prefect's global transform): a subflow's states point at the
 * parent flow's task run that tracks the subflow. Runs after `UpdateStateDetails`.
 */
import { UniversalTransform } from '../../universal-transform.ts';
import type { FlowOrchestrationContext } from '../contexts/flow-orchestration-context.ts';

export class UpdateSubflowStateDetails extends UniversalTransform<FlowOrchestrationContext> {
  /** A subflow's proposed state gets `taskRunId` = the parent task run's id. */
  override beforeTransition(context: FlowOrchestrationContext): void {
    if (this.nullifiedTransition()) return;
    const parentTaskRunId = context.run.parentTaskRunId;
    if (parentTaskRunId) context.proposedState!.stateDetails.taskRunId = parentTaskRunId;
  }
}
