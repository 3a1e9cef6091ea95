/**
 * `UpdateStateDetails` (Prefect's global transform): stamps the proposed state with the ids
 * of the run it belongs to.
 */
import { UniversalTransform } from '../../universal-transform.ts';
import type { OrionContext } from '../contexts/orion-context.ts';

export class UpdateStateDetails extends UniversalTransform<OrionContext> {
  /** Flow runs: `flowRunId`. Task runs: `flowRunId` (the task's flow) and `taskRunId`. */
  override beforeTransition(context: OrionContext): void {
    if (this.nullifiedTransition()) return;
    const details = context.proposedState!.stateDetails;
    if (context.kind === 'flow') {
      details.flowRunId = context.run.id;
    } else {
      details.flowRunId = context.run.flowRunId;
      details.taskRunId = context.run.id;
    }
  }
}
