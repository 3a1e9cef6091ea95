/**
 * `MinimalFlowPolicy`, as in Prefect: no rules: what forced flow-run transitions
 * (and callers that give no policy) get. The global flow transforms still run.
 */
import { OrchestrationPolicy } from '../../orchestration-policy.ts';
import type { RuleClass } from '../../rule-class.ts';

export class MinimalFlowPolicy extends OrchestrationPolicy {
  static override priority(): readonly RuleClass[] {
    return [];
  }
}
