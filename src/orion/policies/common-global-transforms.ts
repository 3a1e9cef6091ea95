/**
 * `COMMON_GLOBAL_TRANSFORMS`, as in Prefect: the bookkeeping transforms that
 * both global policies run first, in order. A function, like Prefect's, so that each
 * policy's `priority()` builds a fresh list.
 */
import type { RuleClass } from '../../rule-class.ts';
import { IncrementRunTime } from '../transforms/increment-run-time.ts';
import { SetEndTime } from '../transforms/set-end-time.ts';
import { SetExpectedStartTime } from '../transforms/set-expected-start-time.ts';
import { SetNextScheduledStartTime } from '../transforms/set-next-scheduled-start-time.ts';
import { SetRunStateName } from '../transforms/set-run-state-name.ts';
import { SetRunStateTimestamp } from '../transforms/set-run-state-timestamp.ts';
import { SetRunStateType } from '../transforms/set-run-state-type.ts';
import { SetStartTime } from '../transforms/set-start-time.ts';
import { UpdateStateDetails } from '../transforms/update-state-details.ts';

export function COMMON_GLOBAL_TRANSFORMS(): RuleClass[] {
  return [
    SetRunStateType,
    SetRunStateName,
    SetRunStateTimestamp,
    SetStartTime,
    SetEndTime,
    IncrementRunTime,
    SetExpectedStartTime,
    SetNextScheduledStartTime,
    UpdateStateDetails,
  ];
}
