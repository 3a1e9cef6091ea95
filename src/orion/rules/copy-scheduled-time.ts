/**
 * `CopyScheduledTime` (Prefect's policy rule): SCHEDULED → PENDING carries the
 * scheduled time over to the PENDING state, unless the proposal has its own.
 */
import { OrchestrationRule } from '../../orchestration-rule.ts';
import { declareReadOnlyHooks } from '../../read-only-hooks.ts';
import type { State } from '../../state.ts';
import { StateType, type StateName } from '../../state-type.ts';
import type { StateSet } from '../../state-set.ts';
import type { OrionContext } from '../contexts/orion-context.ts';

export class CopyScheduledTime extends OrchestrationRule<OrionContext> {
  static override FROM_STATES: StateSet = new Set<StateName | null>([StateType.SCHEDULED]);
  static override TO_STATES: StateSet = new Set<StateName | null>([StateType.PENDING]);

  /**
   * Hooks get copies of their own, so the write goes through `updateProposedStateDetails`,
   * which reaches the real proposed state (the reference relies on a shallow copy).
   */
  override beforeTransition(
    initial: State | null,
    proposed: State | null,
    _context: OrionContext,
  ): void {
    if (proposed!.stateDetails.scheduledTime === null) {
      // A copy of the date: the proposal must not share a mutable date with the run's
      // current state.
      const scheduled = initial!.stateDetails.scheduledTime;
      this.updateProposedStateDetails({
        scheduledTime: scheduled === null ? null : new Date(scheduled.getTime()),
      });
    }
  }
}

// Reviewed: its hooks only read their arguments (see read-only-hooks.ts).
declareReadOnlyHooks(CopyScheduledTime);
