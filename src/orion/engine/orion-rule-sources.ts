/**
 * `OrionRuleSources`: where the engine gets its six rule lists, and the policy classes
 * (filtered on every transition), the reference the compiled matrices equal. The
 * engine's default is the compiled matrices (see `default-rule-sources.ts`); both give
 * the same rules for every transition.
 */
import type { PolicyClass } from '../../orchestration-policy.ts';
import type { RuleSource } from '../../transition-rules.ts';
import { CoreFlowPolicy } from '../policies/core-flow-policy.ts';
import { CoreTaskPolicy } from '../policies/core-task-policy.ts';
import { GlobalFlowPolicy } from '../policies/global-flow-policy.ts';
import { GlobalTaskPolicy } from '../policies/global-task-policy.ts';
import { MinimalFlowPolicy } from '../policies/minimal-flow-policy.ts';
import { MinimalTaskPolicy } from '../policies/minimal-task-policy.ts';

export interface OrionRuleSources {
  /** Flow-run transitions through the set-state and resume endpoints. */
  coreFlow: RuleSource;
  /** Task-run transitions through the set-state endpoint. */
  coreTask: RuleSource;
  /** Forced flow-run transitions, and callers that pass no policy. */
  minimalFlow: RuleSource;
  /** Forced task-run transitions (subflow parent tasks included), and callers that pass no policy. */
  minimalTask: RuleSource;
  /** Transforms of every flow-run transition. */
  globalFlow: RuleSource;
  /** Transforms of every task-run transition. */
  globalTask: RuleSource;
}

/** The bundled policy classes: the dynamic filter, the reference the matrices equal. */
export const ORION_POLICY_CLASSES: Readonly<Record<keyof OrionRuleSources, PolicyClass>> =
  Object.freeze({
    coreFlow: CoreFlowPolicy,
    coreTask: CoreTaskPolicy,
    minimalFlow: MinimalFlowPolicy,
    minimalTask: MinimalTaskPolicy,
    globalFlow: GlobalFlowPolicy,
    globalTask: GlobalTaskPolicy,
  });
