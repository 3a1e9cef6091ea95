/**
 * `IncrementRunTime` (Prefect's global transform): accumulates the time a run spends in
 * RUNNING, in seconds.
 */
import { UniversalTransform } from '../../universal-transform.ts';
import { StateType } from '../../state-type.ts';
import type { OrionContext } from '../contexts/orion-context.ts';

export class IncrementRunTime extends UniversalTransform<OrionContext> {
  /** Leaving RUNNING adds the time between the two states' timestamps to `totalRunTime`. */
  override beforeTransition(context: OrionContext): void {
    if (this.nullifiedTransition()) return;
    const initial = context.initialState;
    if (initial?.type !== StateType.RUNNING) return;
    context.run.totalRunTime +=
      (context.proposedState!.timestamp.getTime() - initial.timestamp.getTime()) / 1000;
  }
}
