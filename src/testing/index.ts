/**
 * policy-matrix/testing: a kit for testing rules the way Prefect tests its own. Enter
 * a nest of rules on a context, look at the context before validating, validate and
 * exit, and ask each rule instance whether it was invalid or fizzled; record hooks;
 * build deterministic states and contexts; check that a generated matrix still equals
 * its policy; and, for rules of the Orion preset, a test bed on any store that holds a
 * store transaction open across awaits. Uses no test framework. Everything public is listed
 * here by name.
 */
export { assertMatrixMatchesPolicy } from './assert-matrix-matches-policy.ts';
export { snapshotContext, type ContextSnapshot } from './context-snapshot.ts';
export { enterNest, type EnteredNest, type EnterNestOptions } from './enter-nest.ts';
export { HookRecorder, type RecordedCall, type RecordedHook } from './hook-recorder.ts';
export { type GivenFlowRun, type GivenTaskRun } from './orion/given-runs.ts';
export {
  OrionTestBed,
  type ForceStateOptions,
  type OrionTestBedOpenOptions,
  type OrionTestBedOptions,
} from './orion/orion-test-bed.ts';
export type { TestBedDatabase, TestBedStoreChoice } from './orion/test-bed-store.ts';
export {
  OrionTestTransaction,
  type OrionTestContextOptions,
} from './orion/orion-test-transaction.ts';
export {
  testEnvironment,
  type GivenState,
  type TestContextOptions,
  type TestEnvironment,
  type TestEnvironmentOptions,
} from './test-environment.ts';
export { validateTransition } from '../validate-transition.ts';
export { withNest } from './with-nest.ts';

import { warnIfBuildInsideRepository } from '../build-inside-repository.ts';
// Inside this repository, a stale build loaded instead of the sources says so (once).
warnIfBuildInsideRepository(import.meta.url);
