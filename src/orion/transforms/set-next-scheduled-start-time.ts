/**
 * `SetNextScheduledStartTime` (Prefect's global transform): tracks when a scheduled run is
 * next due.
 */
import { UniversalTransform } from '../../universal-transform.ts';
import { StateType } from '../../state-type.ts';
import type { OrionContext } from '../contexts/orion-context.ts';

export class SetNextScheduledStartTime extends UniversalTransform<OrionContext> {
  /** Leaving SCHEDULED clears `nextScheduledStartTime`; entering SCHEDULED sets it. */
  override beforeTransition(context: OrionContext): void {
    if (this.nullifiedTransition()) return;
    const run = context.run;
    if (context.initialStateType === StateType.SCHEDULED) run.nextScheduledStartTime = null;
    const proposed = context.proposedState!;
    if (proposed.type === StateType.SCHEDULED) {
      const scheduled = proposed.stateDetails.scheduledTime;
      run.nextScheduledStartTime = scheduled === null ? null : new Date(scheduled.getTime());
    }
  }
}
