/**
 * A port of Prefect's `BaseOrchestrationPolicy`: a priority list and the dynamic filter
 * `compile_transition_rules`, run on every transition by the benchmark's Prefect
 * baseline. As in Prefect, `priority()` builds its list on each call and the filter
 * walks all of it, testing FROM then TO membership.
 */
import type { OrchestrationContext, StateName } from '../../../src/index.ts';
import type { PrefectRuleClass } from './prefect-rule.ts';

/** A Prefect-port policy class, seen from the outside. */
export interface PrefectPolicyClass<
  C extends OrchestrationContext<any> = OrchestrationContext<any>,
> {
  readonly name: string;
  priority(): readonly PrefectRuleClass<C>[];
  compileTransitionRules(from?: StateName | null, to?: StateName | null): PrefectRuleClass<C>[];
}

export abstract class PrefectPolicy {
  /** The rules in priority order; a fresh list per call, like Prefect's `priority()`. */
  static priority(): readonly PrefectRuleClass[] {
    return [];
  }

  /** The rules whose FROM set holds `from` and whose TO set holds `to`, in priority order. */
  static compileTransitionRules(
    this: PrefectPolicyClass,
    from: StateName | null = null,
    to: StateName | null = null,
  ): PrefectRuleClass[] {
    const transitionRules: PrefectRuleClass[] = [];
    for (const rule of this.priority()) {
      if (rule.FROM_STATES.has(from) && rule.TO_STATES.has(to)) transitionRules.push(rule);
    }
    return transitionRules;
  }
}
