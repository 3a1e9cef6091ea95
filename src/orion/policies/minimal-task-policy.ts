/**
 * `MinimalTaskPolicy`, as in Prefect: only `ReleaseTaskConcurrencySlots`, so
 * that slots are released even under `force`. The global task transforms still run.
 */
import { OrchestrationPolicy } from '../../orchestration-policy.ts';
import type { RuleClass } from '../../rule-class.ts';
import { ReleaseTaskConcurrencySlots } from '../transforms/release-task-concurrency-slots.ts';

export class MinimalTaskPolicy extends OrchestrationPolicy {
  static override priority(): readonly RuleClass[] {
    return [ReleaseTaskConcurrencySlots];
  }
}
