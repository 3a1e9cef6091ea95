/**
 * `ReleaseTaskConcurrencySlots` (Prefect's transform of that name): a universal transform placed
 * in the task policies (last in CoreTaskPolicy, alone in MinimalTaskPolicy, so it runs
 * under `force` too). A task run whose validated state is not RUNNING or CANCELLING
 * gives back its slots on every tag.
 */
import { StateType } from '../../state-type.ts';
import { whenReady } from '../../maybe-promise.ts';
import { UniversalTransform } from '../../universal-transform.ts';
import type { TaskOrchestrationContext } from '../contexts/task-orchestration-context.ts';

export class ReleaseTaskConcurrencySlots extends UniversalTransform<TaskOrchestrationContext> {
  /**
   * Releases unless the transition was nullified (abort, wait and null-reject never
   * release) or the run is now RUNNING or CANCELLING (a cancelling task keeps its
   * slots). As a transform it fires whether or not rules fizzled, and is skipped only
   * when an orchestration error is recorded.
   */
  override afterTransition(context: TaskOrchestrationContext): void | Promise<void> {
    if (this.nullifiedTransition()) return;
    const type = context.validatedStateType;
    if (type === StateType.RUNNING || type === StateType.CANCELLING) return;
    const runId = context.run.id;
    return whenReady(context.session.readConcurrencyLimits(context.run.tags), (limits) => {
      for (const limit of limits) {
        limit.activeSlots = limit.activeSlots.filter((id) => id !== runId);
      }
    });
  }
}
