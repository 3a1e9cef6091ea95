/**
 * `UpdateSubflowParentTask` (Prefect's global transform): a subflow's parent task run
 * mirrors the subflow's state, forced onto it (minimal task policy plus the global
 * task transforms) in the same transaction.
 */
import { copyState } from '../../state.ts';
import { whenReady } from '../../maybe-promise.ts';
import { UniversalTransform } from '../../universal-transform.ts';
import type { FlowOrchestrationContext } from '../contexts/flow-orchestration-context.ts';

export class UpdateSubflowParentTask extends UniversalTransform<FlowOrchestrationContext> {
  /**
   * After validation, forces an independent copy of the validated state (new id, fresh
   * timestamp, `childFlowRunId` = this subflow) onto the parent task run. The parent's
   * bookkeeping follows, and its slots are released unless the type is RUNNING or
   * CANCELLING. Nothing leaks back into the subflow's own validated state.
   */
  override afterTransition(context: FlowOrchestrationContext): void | Promise<void> {
    if (this.nullifiedTransition()) return;
    const parentTaskRunId = context.run.parentTaskRunId;
    const validated = context.validatedState;
    if (!parentTaskRunId || validated === null) return;
    const state = copyState(validated, { clock: context.clock, random: context.random });
    state.stateDetails.childFlowRunId = context.run.id;
    return whenReady(
      context.orchestrator.forceTaskRunState(context.session, parentTaskRunId, state),
      ignore,
    );
  }
}

function ignore(): void {}
