import { ALL_ORCHESTRATION_STATES, OrchestrationRule, StateType, type State } from 'policy-matrix';
import type { TaskOrchestrationContext } from 'policy-matrix/orion';

/** Task runs tagged "gpu" start only between 22:00 and 06:00 UTC; before that, they wait. */
export class RunGpuTasksAtNight extends OrchestrationRule<TaskOrchestrationContext> {
  static override FROM_STATES = ALL_ORCHESTRATION_STATES;
  static override TO_STATES = new Set([StateType.RUNNING]);

  override async beforeTransition(
    _initial: State | null,
    _proposed: State | null,
    context: TaskOrchestrationContext,
  ): Promise<void> {
    if (!context.run.tags.includes('gpu')) return;
    const now = context.now();
    if (now.getUTCHours() >= 22 || now.getUTCHours() < 6) return;
    const tenPm = new Date(now);
    tenPm.setUTCHours(22, 0, 0, 0);
    const seconds = (tenPm.getTime() - now.getTime()) / 1000;
    this.delayTransition(seconds, 'GPU tasks run between 22:00 and 06:00 UTC');
  }
}
