/**
 * Rules and policies the Orion suites put around the real rules: a rule that rejects
 * into another type, one that aborts, one whose after hook throws, and a way to make a
 * policy class out of a list.
 */
import {
  ALL_ORCHESTRATION_STATES,
  createState,
  OrchestrationPolicy,
  OrchestrationRule,
  type RuleClass,
  type State,
  type StateName,
  type StateSet,
} from '../../../../src/index.ts';
import type { OrionContext } from '../../../../src/orion/index.ts';

/** A policy class named `name` whose priority list is `rules`. */
export function policyOf(name: string, rules: readonly RuleClass[]): typeof OrchestrationPolicy {
  const policy = class extends OrchestrationPolicy {
    static override priority(): readonly RuleClass[] {
      return rules;
    }
  };
  Object.defineProperty(policy, 'name', { value: name });
  return policy;
}

/** A full-universe rule that rejects every transition with a new state of `type`. */
export function rejectingInto(type: StateName): RuleClass {
  return class RejectInto extends OrchestrationRule<OrionContext> {
    static override FROM_STATES: StateSet = ALL_ORCHESTRATION_STATES;
    static override TO_STATES: StateSet = ALL_ORCHESTRATION_STATES;
    override async beforeTransition(
      _i: State | null,
      _p: State | null,
      context: OrionContext,
    ): Promise<void> {
      this.rejectTransition(
        createState(type, {}, { clock: context.clock, random: context.random }),
        `test: into ${type}`,
      );
    }
  };
}

/** A full-universe rule that aborts every transition. */
export class AbortEverything extends OrchestrationRule<OrionContext> {
  static override FROM_STATES: StateSet = ALL_ORCHESTRATION_STATES;
  static override TO_STATES: StateSet = ALL_ORCHESTRATION_STATES;
  override async beforeTransition(): Promise<void> {
    this.abortTransition('test: abort');
  }
}

/** A full-universe rule whose after hook throws `AfterHookFailure`. */
export class ThrowAfterValidation extends OrchestrationRule<OrionContext> {
  static override FROM_STATES: StateSet = ALL_ORCHESTRATION_STATES;
  static override TO_STATES: StateSet = ALL_ORCHESTRATION_STATES;
  override async afterTransition(): Promise<void> {
    throw new AfterHookFailure('test: after hook failed');
  }
}

export class AfterHookFailure extends Error {
  override name = 'AfterHookFailure';
}
