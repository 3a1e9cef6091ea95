/**
 * `SetRunStateType` (Prefect's global transform): keeps the run's denormalised state type in
 * step with the state it is given.
 */
import { UniversalTransform } from '../../universal-transform.ts';
import type { OrionContext } from '../contexts/orion-context.ts';

export class SetRunStateType extends UniversalTransform<OrionContext> {
  /** `run.stateType` = the proposed type. */
  override beforeTransition(context: OrionContext): void {
    if (this.nullifiedTransition()) return;
    context.run.stateType = context.proposedState!.type;
  }
}
