/**
 * `SetExpectedStartTime` (Prefect's global transform): records when a run was first expected
 * to start.
 */
import { UniversalTransform } from '../../universal-transform.ts';
import { StateType } from '../../state-type.ts';
import type { OrionContext } from '../contexts/orion-context.ts';

export class SetExpectedStartTime extends UniversalTransform<OrionContext> {
  /** Once: a SCHEDULED proposal's scheduled time, or any other proposal's timestamp. */
  override beforeTransition(context: OrionContext): void {
    if (this.nullifiedTransition()) return;
    const run = context.run;
    if (run.expectedStartTime !== null) return;
    const proposed = context.proposedState!;
    const expected =
      proposed.type === StateType.SCHEDULED
        ? proposed.stateDetails.scheduledTime
        : proposed.timestamp;
    run.expectedStartTime = expected === null ? null : new Date(expected.getTime());
  }
}
