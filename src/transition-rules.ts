import type { CompiledPolicy } from './compiled-policy.ts';
import type { PolicyClass } from './orchestration-policy.ts';
import type { RuleClass } from './rule-class.ts';
import type { StateName } from './state-type.ts';

/** Where rule lists come from: a generated matrix, or a policy class's dynamic filter. */
export type RuleSource = CompiledPolicy | PolicyClass;

/**
 * The rules of `source` for `(from, to)`, in priority order: a matrix lookup for a
 * `CompiledPolicy`, Prefect's filter for a policy class. Both throw a `TypeError` for a
 * state outside the policy's universe.
 */
export function transitionRules(
  source: RuleSource,
  from: StateName | null,
  to: StateName | null,
): readonly RuleClass[] {
  return 'cells' in source ? source.rules(from, to) : source.compileTransitionRules(from, to);
}
