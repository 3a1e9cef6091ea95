/**
 * `GlobalTaskPolicy`, as in Prefect: the bookkeeping transforms every task-run
 * transition runs, whatever the policy: the common list, then the run count.
 */
import { OrchestrationPolicy } from '../../orchestration-policy.ts';
import type { RuleClass } from '../../rule-class.ts';
import { IncrementTaskRunCount } from '../transforms/increment-task-run-count.ts';
import { COMMON_GLOBAL_TRANSFORMS } from './common-global-transforms.ts';

export class GlobalTaskPolicy extends OrchestrationPolicy {
  static override priority(): readonly RuleClass[] {
    return [...COMMON_GLOBAL_TRANSFORMS(), IncrementTaskRunCount];
  }
}
