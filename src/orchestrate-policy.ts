/**
 * `orchestratePolicy`: one orchestration straight from a policy (a generated
 * `CompiledPolicy` or a policy class) and an optional global policy, the way Prefect's
 * `set_flow_run_state` / `set_task_run_state` compile both policies for the intended
 * transition and then nest their rules.
 */
import type { CommitState } from './commit-state.ts';
import { orchestrate } from './orchestrate.ts';
import type { OrchestrationContext } from './orchestration-context.ts';
import type { OrchestrationResult } from './response.ts';
import type { RuleClass } from './rule-class.ts';
import { transitionRules, type RuleSource } from './transition-rules.ts';

export interface OrchestratePolicyOptions<C extends OrchestrationContext<any>> {
  context: C;
  /** The policy whose rules apply (for Prefect's `force`, pass the minimal policy). */
  policy: RuleSource;
  /** The global policy whose transforms run inside the policy's rules, if any. */
  globalPolicy?: RuleSource;
  commit: CommitState<C>;
}

/**
 * Looks up the rules of `policy` and the transforms of `globalPolicy` for the context's
 * intended transition (initial type, proposed type), then runs `orchestrate`. Rejects
 * with the policy's `TypeError` when a state type is outside a policy's universe,
 * before any hook runs; otherwise resolves and rejects exactly as `orchestrate` does.
 */
export function orchestratePolicy<C extends OrchestrationContext<any>>(
  options: OrchestratePolicyOptions<C>,
): Promise<OrchestrationResult> {
  // Not `async`: one promise layer less per transition; lookup errors still reject.
  const { context, policy, globalPolicy, commit } = options;
  const from = context.initialStateType;
  const to = context.proposedStateType;
  let rules: readonly RuleClass<C>[];
  let transforms: readonly RuleClass<C>[] = [];
  try {
    rules = transitionRules(policy, from, to) as readonly RuleClass<C>[];
    if (globalPolicy !== undefined) {
      transforms = transitionRules(globalPolicy, from, to) as readonly RuleClass<C>[];
    }
  } catch (error) {
    return Promise.reject(error);
  }
  return orchestrate({ context, rules, transforms, commit });
}
