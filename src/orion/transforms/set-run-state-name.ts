/**
 * `SetRunStateName` (Prefect's global transform): keeps the run's denormalised state name in
 * step with the state it is given.
 */
import { UniversalTransform } from '../../universal-transform.ts';
import type { OrionContext } from '../contexts/orion-context.ts';

export class SetRunStateName extends UniversalTransform<OrionContext> {
  /** `run.stateName` = the proposed name. */
  override beforeTransition(context: OrionContext): void {
    if (this.nullifiedTransition()) return;
    context.run.stateName = context.proposedState!.name;
  }
}
