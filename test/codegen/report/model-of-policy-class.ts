/**
 * Test support: the model of a real policy class, built from its evaluated
 * `priority()` and FROM/TO sets the way the read step does (membership asked with
 * `has`, so `ANY_STATE` covers the whole universe). Lets report and lint tests run over
 * the bundled Orion policies without the compiler.
 */
import type { PolicyModel } from '../../../codegen/model/policy-model.ts';
import { UniversalTransform, type PolicyClass } from '../../../src/index.ts';
import { buildPolicyModel } from './build-policy-model.ts';

/** The model of `policy`. */
export function modelOfPolicyClass(
  policy: PolicyClass & { universe(): readonly (string | null)[] },
): PolicyModel {
  const universe = policy.universe();
  const listed = [...new Set(policy.priority())];
  return buildPolicyModel({
    name: policy.name,
    states: universe.filter((state): state is string => state !== null),
    rules: listed.map((rule) => ({
      name: rule.name,
      kind: rule.prototype instanceof UniversalTransform ? 'transform' : 'rule',
      from: universe.filter((state) => rule.FROM_STATES.has(state)),
      to: universe.filter((state) => rule.TO_STATES.has(state)),
    })),
    priority: policy.priority().map((rule) => rule.name),
  });
}
