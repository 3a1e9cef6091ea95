/**
 * `SetRunStateTimestamp` (Prefect's global transform): keeps the run's denormalised state
 * timestamp in step with the state it is given.
 */
import { UniversalTransform } from '../../universal-transform.ts';
import type { OrionContext } from '../contexts/orion-context.ts';

export class SetRunStateTimestamp extends UniversalTransform<OrionContext> {
  /** `run.stateTimestamp` = the proposed timestamp. */
  override beforeTransition(context: OrionContext): void {
    if (this.nullifiedTransition()) return;
    context.run.stateTimestamp = new Date(context.proposedState!.timestamp.getTime());
  }
}
