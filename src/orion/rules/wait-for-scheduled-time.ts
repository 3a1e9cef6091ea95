/**
 * `WaitForScheduledTime` (Prefect's policy rule): a run cannot start before its
 * scheduled time; the caller is told how many whole seconds to wait. This is also what
 * makes retry delays effective, since `AwaitingRetry` is SCHEDULED.
 */
import { OrchestrationRule } from '../../orchestration-rule.ts';
import { declareReadOnlyHooks } from '../../read-only-hooks.ts';
import type { State } from '../../state.ts';
import { StateType, type StateName } from '../../state-type.ts';
import type { StateSet } from '../../state-set.ts';
import type { OrionContext } from '../contexts/orion-context.ts';

export class WaitForScheduledTime extends OrchestrationRule<OrionContext> {
  static override FROM_STATES: StateSet = new Set<StateName | null>([
    StateType.SCHEDULED,
    StateType.PENDING,
  ]);
  static override TO_STATES: StateSet = new Set<StateName | null>([StateType.RUNNING]);

  /** Delays by `scheduledTime − now` in whole seconds when that is positive. */
  override beforeTransition(
    initial: State | null,
    _proposed: State | null,
    context: OrionContext,
  ): void {
    const scheduled = initial!.stateDetails.scheduledTime;
    if (scheduled === null) return;
    const delaySeconds = wholeSeconds(scheduled.getTime() - context.now().getTime());
    if (delaySeconds > 0) this.delayTransition(delaySeconds, 'Scheduled time is in the future.');
  }
}

// Reviewed: its hooks only read their arguments (see read-only-hooks.ts).
declareReadOnlyHooks(WaitForScheduledTime);

/**
 * The reference's rounding: the whole seconds plus the sub-second remainder rounded to
 * the nearest second, half to even as Python's `round` does (0.5 s gives 0, 0.6 s 1).
 * Only positive results matter, so a past time gives 0.
 */
function wholeSeconds(milliseconds: number): number {
  if (milliseconds <= 0) return 0;
  const whole = Math.floor(milliseconds / 1000);
  return whole + (milliseconds - whole * 1000 > 500 ? 1 : 0);
}
