/**
 * `IncrementTaskRunCount` (Prefect's global transform): counts a task run's attempts.
 */
import { UniversalTransform } from '../../universal-transform.ts';
import { StateType } from '../../state-type.ts';
import type { TaskOrchestrationContext } from '../contexts/task-orchestration-context.ts';

export class IncrementTaskRunCount extends UniversalTransform<TaskOrchestrationContext> {
  /** Entering RUNNING counts a run (no resuming exception for task runs). */
  override beforeTransition(context: TaskOrchestrationContext): void {
    if (this.nullifiedTransition()) return;
    if (context.proposedState!.type === StateType.RUNNING) context.run.runCount += 1;
  }
}
