/**
 * `CoreTaskPolicy`, as in Prefect: the rules the set-state endpoint applies to
 * task runs, in priority order. `CacheRetrieval` comes before
 * `SecureTaskConcurrencySlots` on purpose: cached results are returned even when slots
 * are full.
 */
import { OrchestrationPolicy } from '../../orchestration-policy.ts';
import type { RuleClass } from '../../rule-class.ts';
import { CacheInsertion } from '../rules/cache-insertion.ts';
import { CacheRetrieval } from '../rules/cache-retrieval.ts';
import { CopyScheduledTime } from '../rules/copy-scheduled-time.ts';
import { HandleTaskTerminalStateTransitions } from '../rules/handle-task-terminal-state-transitions.ts';
import { PreventRedundantTransitions } from '../rules/prevent-redundant-transitions.ts';
import { PreventRunningTasksFromStoppedFlows } from '../rules/prevent-running-tasks-from-stopped-flows.ts';
import { RenameReruns } from '../rules/rename-reruns.ts';
import { RetryFailedTasks } from '../rules/retry-failed-tasks.ts';
import { SecureTaskConcurrencySlots } from '../rules/secure-task-concurrency-slots.ts';
import { UpdateFlowRunTrackerOnTasks } from '../rules/update-flow-run-tracker-on-tasks.ts';
import { WaitForScheduledTime } from '../rules/wait-for-scheduled-time.ts';
import { ReleaseTaskConcurrencySlots } from '../transforms/release-task-concurrency-slots.ts';

export class CoreTaskPolicy extends OrchestrationPolicy {
  static override priority(): readonly RuleClass[] {
    return [
      CacheRetrieval,
      HandleTaskTerminalStateTransitions,
      PreventRunningTasksFromStoppedFlows,
      PreventRedundantTransitions,
      SecureTaskConcurrencySlots,
      CopyScheduledTime,
      WaitForScheduledTime,
      RetryFailedTasks,
      RenameReruns,
      UpdateFlowRunTrackerOnTasks,
      CacheInsertion,
      ReleaseTaskConcurrencySlots,
    ];
  }
}
