import type { StateSet } from './state-set.ts';
import type { StateName } from './state-type.ts';

/**
 * One rule or transform instance, entered and exited around one transition. The
 * orchestration loop awaits the result only when it is a promise, so hooks that do
 * nothing cost no microtask.
 */
export interface TransitionScope {
  enter(): void | Promise<void>;
  exit(): void | Promise<void>;
}

/**
 * What a policy lists: a rule class (`OrchestrationRule`) or a transform class
 * (`UniversalTransform`), with the static FROM/TO sets that decide the transitions it
 * governs. Instances are created per orchestration with the context and the intended
 * transition.
 */
export interface RuleClass<C = any> {
  new (context: C, fromType: StateName | null, toType: StateName | null): TransitionScope;
  readonly FROM_STATES: StateSet;
  readonly TO_STATES: StateSet;
  readonly name: string;
}
