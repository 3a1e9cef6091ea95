/**
 * `GlobalTaskPolicy` (orion-behaviour.md 4): the bookkeeping transforms every task-run
 * transition runs, whatever the policy: the common list, then the run count.
 */
import { OrchestrationPolicy } from '../../orchestration-policy.ts';
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
import { IncrementTaskRunCount } from '../transforms/increment-task-run-count.ts';

export class GlobalTaskPolicy extends OrchestrationPolicy {
  static override priority(): readonly RuleClass[] {
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
      IncrementTaskRunCount,
    ];
  }
}
