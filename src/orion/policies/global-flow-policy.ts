/**
 * `GlobalFlowPolicy` (orion-behaviour.md 4): the bookkeeping transforms every flow-run
 * transition runs, whatever the policy: the common list, then the subflow and run-count
 * transforms.
 */
import { OrchestrationPolicy } from '../../orchestration-policy.ts';
import type { RuleClass } from '../../rule-class.ts';
import { IncrementFlowRunCount } from '../transforms/increment-flow-run-count.ts';
import { IncrementRunTime } from '../transforms/increment-run-time.ts';
import { SetEndTime } from '../transforms/set-end-time.ts';
import { SetExpectedStartTime } from '../transforms/set-expected-start-time.ts';
import { SetNextScheduledStartTime } from '../transforms/set-next-scheduled-start-time.ts';
import { SetRunStateName } from '../transforms/set-run-state-name.ts';
import { SetRunStateTimestamp } from '../transforms/set-run-state-timestamp.ts';
import { SetRunStateType } from '../transforms/set-run-state-type.ts';
import { SetStartTime } from '../transforms/set-start-time.ts';
import { UpdateStateDetails } from '../transforms/update-state-details.ts';
import { RemoveResumingIndicator } from '../transforms/remove-resuming-indicator.ts';
import { UpdateSubflowParentTask } from '../transforms/update-subflow-parent-task.ts';
import { UpdateSubflowStateDetails } from '../transforms/update-subflow-state-details.ts';

export class GlobalFlowPolicy extends OrchestrationPolicy {
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
      UpdateSubflowParentTask,
      UpdateSubflowStateDetails,
      IncrementFlowRunCount,
      RemoveResumingIndicator,
    ];
  }
}
