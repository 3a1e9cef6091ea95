/**
 * The bundled Orion preset: Prefect Orion's policies, rules and transforms
 * (docs/orion-preset.md), the run records, the store ports and an in-memory store,
 * the flow and task contexts, and the engine whose methods are the entry points.
 * Everything public is listed here by name; the compiler reads this module and needs
 * every rule a policy lists to be exported from it.
 */

// Policies.
export { CoreFlowPolicy } from './policies/core-flow-policy.ts';
export { CoreTaskPolicy } from './policies/core-task-policy.ts';
export { GlobalFlowPolicy } from './policies/global-flow-policy.ts';
export { GlobalTaskPolicy } from './policies/global-task-policy.ts';
export { MinimalFlowPolicy } from './policies/minimal-flow-policy.ts';
export { MinimalTaskPolicy } from './policies/minimal-task-policy.ts';

// Policy rules.
export { CacheInsertion } from './rules/cache-insertion.ts';
export { CacheRetrieval } from './rules/cache-retrieval.ts';
export { CopyScheduledTime } from './rules/copy-scheduled-time.ts';
export { HandleCancellingStateTransitions } from './rules/handle-cancelling-state-transitions.ts';
export { HandleFlowTerminalStateTransitions } from './rules/handle-flow-terminal-state-transitions.ts';
export { HandlePausingFlows } from './rules/handle-pausing-flows.ts';
export { HandleResumingPausedFlows } from './rules/handle-resuming-paused-flows.ts';
export { HandleTaskTerminalStateTransitions } from './rules/handle-task-terminal-state-transitions.ts';
export { PreventRedundantTransitions } from './rules/prevent-redundant-transitions.ts';
export { PreventRunningTasksFromStoppedFlows } from './rules/prevent-running-tasks-from-stopped-flows.ts';
export { RenameReruns } from './rules/rename-reruns.ts';
export { RetryFailedFlows } from './rules/retry-failed-flows.ts';
export { RetryFailedTasks } from './rules/retry-failed-tasks.ts';
export {
  SecureTaskConcurrencySlots,
  TASK_RUN_TAG_CONCURRENCY_SLOT_WAIT_SECONDS,
} from './rules/secure-task-concurrency-slots.ts';
export { UpdateFlowRunTrackerOnTasks } from './rules/update-flow-run-tracker-on-tasks.ts';
export { WaitForScheduledTime } from './rules/wait-for-scheduled-time.ts';

// Transforms: `ReleaseTaskConcurrencySlots` (in the task policies) and the global ones.
export { IncrementFlowRunCount } from './transforms/increment-flow-run-count.ts';
export { IncrementRunTime } from './transforms/increment-run-time.ts';
export { IncrementTaskRunCount } from './transforms/increment-task-run-count.ts';
export { ReleaseTaskConcurrencySlots } from './transforms/release-task-concurrency-slots.ts';
export { RemoveResumingIndicator } from './transforms/remove-resuming-indicator.ts';
export { SetEndTime } from './transforms/set-end-time.ts';
export { SetExpectedStartTime } from './transforms/set-expected-start-time.ts';
export { SetNextScheduledStartTime } from './transforms/set-next-scheduled-start-time.ts';
export { SetRunStateName } from './transforms/set-run-state-name.ts';
export { SetRunStateTimestamp } from './transforms/set-run-state-timestamp.ts';
export { SetRunStateType } from './transforms/set-run-state-type.ts';
export { SetStartTime } from './transforms/set-start-time.ts';
export { UpdateStateDetails } from './transforms/update-state-details.ts';
export { UpdateSubflowParentTask } from './transforms/update-subflow-parent-task.ts';
export { UpdateSubflowStateDetails } from './transforms/update-subflow-state-details.ts';

// Entry points.
export {
  OrionEngine,
  type OrionEngineOptions,
  type ResumeFlowRunOptions,
  type SetFlowRunStateOptions,
  type SetRunStateOptions,
} from './engine/orion-engine.ts';
export { ORION_POLICY_CLASSES, type OrionRuleSources } from './engine/orion-rule-sources.ts';
export type { TransitionRecord } from './engine/transition-record.ts';
export { commitRunState } from './engine/commit-run-state.ts';

// Contexts.
export {
  FlowOrchestrationContext,
  type FlowOrchestrationContextInit,
} from './contexts/flow-orchestration-context.ts';
export type { OrionContext } from './contexts/orion-context.ts';
export {
  OrionOrchestrationContext,
  type OrionOrchestrationContextInit,
} from './contexts/orion-orchestration-context.ts';
export { TaskOrchestrationContext } from './contexts/task-orchestration-context.ts';
export type { TaskRunOrchestrator } from './contexts/task-run-orchestrator.ts';

// Runs.
export { copyFlowRun, createFlowRun, type FlowRun, type FlowRunInit } from './runs/flow-run.ts';
export {
  copyFlowRunPolicy,
  createFlowRunPolicy,
  type FlowRunPolicy,
  type FlowRunPolicyInit,
} from './runs/flow-run-policy.ts';
export type { OrionRun } from './runs/orion-run.ts';
export type { RunKind } from './runs/run-kind.ts';
export { estimatedRunTime, estimatedStartTimeDelta } from './runs/run-estimates.ts';
export { copyTaskRun, createTaskRun, type TaskRun, type TaskRunInit } from './runs/task-run.ts';
export {
  copyTaskRunPolicy,
  createTaskRunPolicy,
  MAX_RETRY_DELAYS,
  type TaskRunPolicy,
  type TaskRunPolicyInit,
} from './runs/task-run-policy.ts';

// Store ports and the in-memory store.
export type { ConcurrencyLimit, ConcurrencyLimits } from './store/concurrency-limits.ts';
export {
  InMemoryOrionStore,
  type InMemoryOrionStoreOptions,
  type InMemoryStoreContents,
} from './store/in-memory-orion-store.ts';
export type { ResultArtifact, StateRow } from './store/in-memory-tables.ts';
export type { OrionSession } from './store/orion-session.ts';
export type { OrionStore } from './store/orion-store.ts';
export type { OrionRunStore } from './store/orion-run-store.ts';
export type { OrionStoreContents } from './store/orion-store-contents.ts';
export type { RunRecords } from './store/run-records.ts';
export type { StateHistory } from './store/state-history.ts';
export type { CacheEntry, TaskRunStateCache } from './store/task-run-state-cache.ts';

// Validation: what every store refuses, before any transaction (README, Storage).
export { InvalidInputError, type InvalidInputCode } from './validation/invalid-input-error.ts';
export {
  MAX_DATA_DEPTH,
  MAX_DATE,
  MAX_INTEGER,
  MAX_KEY_LENGTH,
  MAX_RETRY_DELAY_SECONDS,
  MAX_RETRY_JITTER_FACTOR,
  MIN_DATE,
} from './validation/storage-limits.ts';
export { assertStorableData } from './validation/assert-storable-data.ts';
export { validateConcurrencyLimit } from './validation/validate-concurrency-limit.ts';
export { validateProposedState } from './validation/validate-proposed-state.ts';
export { validateFlowRunInit, validateTaskRunInit } from './validation/validate-run-init.ts';

// Helpers the rules use.
export {
  API_VERSION_PARAMETER,
  apiVersionOf,
  compareApiVersions,
  isCurrentClient,
  isLegacyClient,
  ORION_API_VERSION,
  parseApiVersion,
} from './api-version.ts';
export { clampedPoissonInterval } from './clamped-poisson-interval.ts';
export { ObjectNotFoundError } from './object-not-found-error.ts';
export { requireState } from './require-state.ts';

import { warnIfBuildInsideRepository } from '../build-inside-repository.ts';
// Inside this repository, a stale build loaded instead of the sources says so (once).
warnIfBuildInsideRepository(import.meta.url);
