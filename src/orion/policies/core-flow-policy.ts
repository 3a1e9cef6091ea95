/**
 * `CoreFlowPolicy`, as in Prefect: the rules the set-state and resume endpoints
 * apply to flow runs, in priority order.
 */
import { OrchestrationPolicy } from '../../orchestration-policy.ts';
import type { RuleClass } from '../../rule-class.ts';
import { CopyScheduledTime } from '../rules/copy-scheduled-time.ts';
import { HandleCancellingStateTransitions } from '../rules/handle-cancelling-state-transitions.ts';
import { HandleFlowTerminalStateTransitions } from '../rules/handle-flow-terminal-state-transitions.ts';
import { HandlePausingFlows } from '../rules/handle-pausing-flows.ts';
import { HandleResumingPausedFlows } from '../rules/handle-resuming-paused-flows.ts';
import { PreventRedundantTransitions } from '../rules/prevent-redundant-transitions.ts';
import { RetryFailedFlows } from '../rules/retry-failed-flows.ts';
import { WaitForScheduledTime } from '../rules/wait-for-scheduled-time.ts';

export class CoreFlowPolicy extends OrchestrationPolicy {
  static override priority(): readonly RuleClass[] {
    return [
      HandleFlowTerminalStateTransitions,
      HandleCancellingStateTransitions,
      PreventRedundantTransitions,
      HandlePausingFlows,
      HandleResumingPausedFlows,
      CopyScheduledTime,
      WaitForScheduledTime,
      RetryFailedFlows,
    ];
  }
}
