/**
 * The shape of a policy with the hooks taken out: its name and, in priority order, each
 * rule's name, kind and real FROM/TO sets. The orchestration benchmark's "machinery"
 * workload rebuilds the Orion policies from their shapes with no-op hooks, for the
 * Prefect port and for the generated side alike, so that both run exactly the rules
 * the real policies would run, and nothing but the machinery around them.
 */
import { UniversalTransform, type PolicyClass, type StateSet } from '../../../src/index.ts';

export interface RuleShape {
  readonly name: string;
  readonly kind: 'rule' | 'transform';
  readonly from: StateSet;
  readonly to: StateSet;
}

export interface PolicyShape {
  readonly name: string;
  readonly priority: readonly RuleShape[];
}

/** The shape of a real policy class: its priority list's names, kinds and sets. */
export function policyShape(policy: PolicyClass): PolicyShape {
  return {
    name: policy.name,
    priority: policy.priority().map((rule) => ({
      name: rule.name,
      kind: rule.prototype instanceof UniversalTransform ? 'transform' : 'rule',
      from: rule.FROM_STATES,
      to: rule.TO_STATES,
    })),
  };
}
