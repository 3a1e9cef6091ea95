/**
 * `CopyScheduledTime` (Prefect's core-policy rule of that name): SCHEDULED → PENDING carries the
 * scheduled time over to the PENDING state, unless the proposal has its own.
 */
import { OrchestrationRule } from '../../orchestration-rule.ts';
import type { State } from '../../state.ts';
import { StateType, type StateName } from '../../state-type.ts';
import type { StateSet } from '../../state-set.ts';
import type { OrionContext } from '../contexts/orion-context.ts';

export class CopyScheduledTime extends OrchestrationRule<OrionContext> {
  static override FROM_STATES: StateSet = new Set<StateName | null>([StateType.SCHEDULED]);
  static override TO_STATES: StateSet = new Set<StateName | null>([StateType.PENDING]);

  /**
   * Hooks get deep copies, so the write goes through `updateProposedStateDetails`,
   * which reaches the real proposed state (the reference relies on a shallow copy).
   */
  override beforeTransition(
    initial: State | null,
    proposed: State | null,
    _context: OrionContext,
  ): void {
    if (proposed!.stateDetails.scheduledTime === null) {
      this.updateProposedStateDetails({ scheduledTime: initial!.stateDetails.scheduledTime });
    }
  }
}
