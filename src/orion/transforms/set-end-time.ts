/**
 * `SetEndTime` (Prefect's global transform): records when a started run reached a terminal
 * state, and forgets it when the run leaves that state.
 */
import { UniversalTransform } from '../../universal-transform.ts';
import { isTerminal } from '../../state-type.ts';
import type { OrionContext } from '../contexts/orion-context.ts';

export class SetEndTime extends UniversalTransform<OrionContext> {
  /**
   * Leaving a terminal state for a non-terminal one clears `endTime`; entering a
   * terminal state sets it to the proposed timestamp, if the run started and has none.
   */
  override beforeTransition(context: OrionContext): void {
    if (this.nullifiedTransition()) return;
    const proposed = context.proposedState!;
    const run = context.run;
    if (isTerminal(context.initialStateType) && !isTerminal(proposed.type)) run.endTime = null;
    if (isTerminal(proposed.type) && run.startTime !== null && run.endTime === null) {
      run.endTime = new Date(proposed.timestamp.getTime());
    }
  }
}
