/**
 * A port of the orchestration part of Prefect's `set_task_run_state` /
 * `set_flow_run_state` (filter, nest, validate, unwind): the benchmark's Prefect
 * baseline, run against `orchestrate` with generated matrices.
 *
 * Per transition: the dynamic filter over the policy and over the global policy, then
 * an `AsyncExitStack` into which one new rule instance per applicable rule is entered
 * (each entry awaited), validation innermost (`validate_proposed_state`: errors become
 * an ABORT), the stack unwound (each exit awaited), and a recorded orchestration error
 * re-thrown.
 */
import {
  abortDetails,
  describeError,
  SetStateStatus,
  type CommitState,
  type OrchestrationContext,
  type OrchestrationResult,
} from '../../../src/index.ts';
import { withAsyncExitStack } from './async-exit-stack.ts';
import type { PrefectPolicyClass } from './prefect-policy.ts';

export interface PrefectSetStateOptions<C extends OrchestrationContext<any>> {
  context: C;
  policy: PrefectPolicyClass<C>;
  globalPolicy: PrefectPolicyClass<C>;
  /** Writes the proposed state (or nothing, for null); the same function `orchestrate` takes. */
  commit: CommitState<C>;
}

export async function prefectSetState<C extends OrchestrationContext<any>>(
  options: PrefectSetStateOptions<C>,
): Promise<OrchestrationResult> {
  const { policy, globalPolicy, commit } = options;
  let context = options.context;
  const from = context.initialStateType;
  const to = context.proposedStateType;
  const orchestrationRules = policy.compileTransitionRules(from, to);
  const globalRules = globalPolicy.compileTransitionRules(from, to);

  await withAsyncExitStack(async (stack) => {
    for (const Rule of orchestrationRules) {
      context = await stack.enterAsyncContext(new Rule(context, from, to));
    }
    for (const Rule of globalRules) {
      context = await stack.enterAsyncContext(new Rule(context, from, to));
    }
    await validateProposedState(context, commit);
  });

  // eslint-disable-next-line @typescript-eslint/only-throw-error -- re-throws, unchanged, the value a hook or commit threw (any value; narrowed from unknown)
  if (context.orchestrationError !== null) throw context.orchestrationError;
  return {
    state: context.validatedState,
    status: context.responseStatus,
    details: context.responseDetails,
  };
}

/** Prefect's `validate_proposed_state`: write, or turn the write's error into an ABORT. */
async function validateProposedState<C extends OrchestrationContext<any>>(
  context: C,
  commit: CommitState<C>,
): Promise<void> {
  try {
    context.validatedState = await commit(context.proposedState, context);
  } catch (error) {
    context.proposedState = null;
    context.responseStatus = SetStateStatus.ABORT;
    context.responseDetails = abortDetails(`Error validating state: ${describeError(error)}`);
  }
}
