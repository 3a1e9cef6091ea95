/**
 * `SetStartTime` (Prefect's global transform): records when a run first started.
 */
import { UniversalTransform } from '../../universal-transform.ts';
import { StateType } from '../../state-type.ts';
import type { OrionContext } from '../contexts/orion-context.ts';

export class SetStartTime extends UniversalTransform<OrionContext> {
  /** The first RUNNING state's timestamp becomes `startTime`; it is never overwritten. */
  override beforeTransition(context: OrionContext): void {
    if (this.nullifiedTransition()) return;
    const proposed = context.proposedState!;
    if (proposed.type === StateType.RUNNING && context.run.startTime === null) {
      context.run.startTime = new Date(proposed.timestamp.getTime());
    }
  }
}
