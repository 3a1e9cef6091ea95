/**
 * Prefect-port policies rebuilt from policy shapes: one `PrefectRule` (or
 * `PrefectUniversalTransform`) subclass per rule, named like it, with its real FROM/TO
 * sets (a transform's are the universe) and Prefect's no-op hooks. What the "machinery" workload's `prefect-port` case
 * runs.
 */
import { PrefectPolicy, type PrefectPolicyClass } from '../prefect-port/prefect-policy.ts';
import { PrefectRule, type PrefectRuleClass } from '../prefect-port/prefect-rule.ts';
import { PrefectUniversalTransform } from '../prefect-port/prefect-universal-transform.ts';
import type { PolicyShape, RuleShape } from './policy-shape.ts';

/** One Prefect-port policy per shape; a rule shared by several shapes is one class. */
export function prefectPortPolicies(shapes: readonly PolicyShape[]): PrefectPolicyClass[] {
  const classes = new Map<string, PrefectRuleClass>();
  const classOf = (shape: RuleShape): PrefectRuleClass => {
    let Rule = classes.get(shape.name);
    if (Rule === undefined) {
      Rule = portRuleClass(shape);
      classes.set(shape.name, Rule);
    }
    return Rule;
  };
  return shapes.map((shape) => {
    const rules = shape.priority.map(classOf);
    const Policy = class extends PrefectPolicy {
      // Prefect's priority() returns a new list on every call.
      static override priority(): readonly PrefectRuleClass[] {
        return [...rules];
      }
    };
    Object.defineProperty(Policy, 'name', { value: `Port${shape.name}` });
    return Policy;
  });
}

function portRuleClass(shape: RuleShape): PrefectRuleClass {
  const Rule =
    shape.kind === 'transform'
      ? class extends PrefectUniversalTransform {
          static override FROM_STATES = shape.from;
          static override TO_STATES = shape.to;
        }
      : class extends PrefectRule {
          static override FROM_STATES = shape.from;
          static override TO_STATES = shape.to;
        };
  Object.defineProperty(Rule, 'name', { value: shape.name });
  return Rule;
}
