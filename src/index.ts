/**
 * policy-matrix runtime: states, rules, transforms, policies, the orchestration loop
 * and the compiled-matrix type. Everything public is listed here by name.
 */
export { ManualClock, systemClock, type Clock } from './clock.ts';
export {
  defineCompiledPolicy,
  throwUnknownState,
  type CompiledPolicy,
  type CompiledPolicyParts,
} from './compiled-policy.ts';
export {
  AsyncHookError,
  describeError,
  OrchestrationError,
  TransitionValidatedError,
} from './errors.ts';
export type { MaybePromise } from './maybe-promise.ts';
export {
  AwaitingRetry,
  Cached,
  Cancelled,
  Cancelling,
  Completed,
  Crashed,
  Failed,
  Late,
  NotReady,
  Paused,
  Pending,
  Rerunning,
  Resuming,
  Retrying,
  Running,
  Scheduled,
  type PauseOptions,
} from './named-states.ts';
export type { CommitState } from './commit-state.ts';
export { orchestrate, orchestrateSync, type OrchestrateOptions } from './orchestrate.ts';
export { orchestratePolicy, type OrchestratePolicyOptions } from './orchestrate-policy.ts';
export { OrchestrationContext, type OrchestrationContextInit } from './orchestration-context.ts';
export { OrchestrationPolicy, type PolicyClass } from './orchestration-policy.ts';
export { OrchestrationRule } from './orchestration-rule.ts';
export { seededRandom, systemRandom, type RandomSource } from './random-source.ts';
export { declareReadOnlyHooks } from './read-only-hooks.ts';
export {
  abortDetails,
  acceptDetails,
  parseStateResponseDetails,
  rejectDetails,
  SetStateStatus,
  waitDetails,
  type AbortDetails,
  type AcceptDetails,
  type OrchestrationResult,
  type RejectDetails,
  type StateResponseDetails,
  type WaitDetails,
} from './response.ts';
export type { RuleClass, TransitionScope } from './rule-class.ts';
export { ANY_STATE, isAnyState, NO_STATES, type StateSet } from './state-set.ts';
export {
  ALL_ORCHESTRATION_STATES,
  isTerminal,
  STATE_TYPES,
  StateType,
  TERMINAL_STATES,
  type StateName,
} from './state-type.ts';
export {
  copyState,
  createState,
  createStateDetails,
  defaultStateName,
  type State,
  type StateDetails,
  type StateEnvironment,
  type StateInit,
} from './state.ts';
export { transitionRules, type RuleSource } from './transition-rules.ts';
export { UniversalTransform } from './universal-transform.ts';
export { unknownStateError } from './unknown-state-error.ts';

import { warnIfBuildInsideRepository } from './build-inside-repository.ts';
// Inside this repository, a stale build loaded instead of the sources says so (once).
warnIfBuildInsideRepository(import.meta.url);
