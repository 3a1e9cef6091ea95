/**
 * `GlobalFlowPolicy`, as in Prefect: the bookkeeping transforms every flow-run
 * transition runs, whatever the policy: the common list, then the subflow and run-count
 * transforms.
 */
import { OrchestrationPolicy } from '../../orchestration-policy.ts';
import type { RuleClass } from '../../rule-class.ts';
import { IncrementFlowRunCount } from '../transforms/increment-flow-run-count.ts';
import { RemoveResumingIndicator } from '../transforms/remove-resuming-indicator.ts';
import { UpdateSubflowParentTask } from '../transforms/update-subflow-parent-task.ts';
import { UpdateSubflowStateDetails } from '../transforms/update-subflow-state-details.ts';
import { COMMON_GLOBAL_TRANSFORMS } from './common-global-transforms.ts';

export class GlobalFlowPolicy extends OrchestrationPolicy {
  static override priority(): readonly RuleClass[] {
    return [
      ...COMMON_GLOBAL_TRANSFORMS(),
      UpdateSubflowParentTask,
      UpdateSubflowStateDetails,
      IncrementFlowRunCount,
      RemoveResumingIndicator,
    ];
  }
}
