import type { CommitState } from './commit-state.ts';
import { openScope } from './open-scope.ts';
import type { OrchestrationContext } from './orchestration-context.ts';
import type { OrchestrationResult } from './response.ts';
import type { RuleClass, TransitionScope } from './rule-class.ts';
import type { MaybePromise } from './maybe-promise.ts';
import type { StateName } from './state-type.ts';
import { validateTransition } from './validate-transition.ts';

export interface OrchestrateOptions<C extends OrchestrationContext<any>> {
  context: C;
  /** The policy's rules for the intended transition, in priority order. */
  rules: readonly RuleClass<C>[];
  /** The global policy's transforms for the intended transition, in order. */
  transforms?: readonly RuleClass<C>[];
  commit: CommitState<C>;
}

/**
 * Runs one orchestration (Prefect's nest of rule context managers, from the rules'
 * entry on): enters the rules in priority order, then the transforms, validates
 * innermost through `commit`, and exits in reverse. The rule lists are taken as given,
 * from a compiled matrix or from the dynamic filter alike; the intended transition is
 * read from the context.
 *
 * Returns `{ state, status, details }`. Re-throws a recorded orchestration error once
 * the nest has unwound; errors from after hooks, cleanups and transforms propagate
 * after the enclosing rules have run their exit logic.
 */
export function orchestrate<C extends OrchestrationContext<any>>(
  options: OrchestrateOptions<C>,
): Promise<OrchestrationResult> {
  try {
    return Promise.resolve(orchestrateNow(options));
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * `orchestrate` without the promise when nothing waits: while every hook and the
 * commit return synchronously, the whole nest runs synchronously and the result (or
 * the error) comes back directly. At the first hook or commit that returns a promise
 * the nest continues asynchronously from exactly that point, in the same order, and a
 * promise comes back instead. For callers that chain further synchronous work (the
 * Orion engine); everyone else calls `orchestrate`.
 */
export function orchestrateNow<C extends OrchestrationContext<any>>(
  options: OrchestrateOptions<C>,
): MaybePromise<OrchestrationResult> {
  const { context, rules, transforms = [], commit } = options;
  return new Nest(context, rules, transforms, commit).enterFrom(0);
}

/**
 * One orchestration's nest. `enterFrom(i)` enters scope `i` onwards (the rules, then
 * the transforms), then validates; `exitFrom(i)` exits entered scope `i` down to the
 * first. Each runs synchronously until a scope or the commit returns a promise, and
 * then resumes itself from the next step when that promise settles.
 */
class Nest<C extends OrchestrationContext<any>> {
  declare readonly context: C;
  declare readonly rules: readonly RuleClass<C>[];
  declare readonly transforms: readonly RuleClass<C>[];
  declare readonly commit: CommitState<C>;
  declare readonly from: StateName | null;
  declare readonly to: StateName | null;
  declare readonly entered: TransitionScope[];
  /** The error escaping the nest so far (the last one thrown wins), if any. */
  declare escaping: { error: unknown } | null;

  constructor(
    context: C,
    rules: readonly RuleClass<C>[],
    transforms: readonly RuleClass<C>[],
    commit: CommitState<C>,
  ) {
    this.context = context;
    this.rules = rules;
    this.transforms = transforms;
    this.commit = commit;
    this.from = context.initialStateType;
    this.to = context.proposedStateType;
    this.entered = [];
    this.escaping = null;
  }

  enterFrom(start: number): MaybePromise<OrchestrationResult> {
    const { rules, transforms, context } = this;
    const ruleCount = rules.length;
    const total = ruleCount + transforms.length;
    try {
      for (let i = start; i < total; i++) {
        const Rule = i < ruleCount ? rules[i]! : transforms[i - ruleCount]!;
        const scope = openScope(Rule, context, this.from, this.to);
        const pending = scope.enter();
        if (pending !== undefined) {
          return Promise.resolve(pending).then(
            () => {
              this.entered.push(scope);
              return this.enterFrom(i + 1);
            },
            (error: unknown) => this.escape(error),
          );
        }
        this.entered.push(scope);
      }
      const validating = validateTransition(context, this.commit);
      if (validating !== undefined) {
        return validating.then(() => this.exitFrom(this.entered.length - 1));
      }
    } catch (error) {
      return this.escape(error);
    }
    return this.exitFrom(this.entered.length - 1);
  }

  /**
   * Unwinds like nested context managers: every entered scope exits, and an error
   * thrown while exiting replaces the one in flight.
   */
  exitFrom(start: number): MaybePromise<OrchestrationResult> {
    const entered = this.entered;
    for (let i = start; i >= 0; i--) {
      let pending: void | Promise<void>;
      try {
        pending = entered[i]!.exit();
      } catch (error) {
        this.escaping = { error };
        continue;
      }
      if (pending !== undefined) {
        return Promise.resolve(pending).then(
          () => this.exitFrom(i - 1),
          (error: unknown) => {
            this.escaping = { error };
            return this.exitFrom(i - 1);
          },
        );
      }
    }
    return this.result();
  }

  private escape(error: unknown): MaybePromise<OrchestrationResult> {
    this.escaping = { error };
    return this.exitFrom(this.entered.length - 1);
  }

  private result(): OrchestrationResult {
    if (this.escaping !== null) throw this.escaping.error;
    const context = this.context;
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- re-throws, unchanged, the value a hook or commit threw (any value; narrowed from unknown)
    if (context.orchestrationError !== null) throw context.orchestrationError;
    return {
      state: context.validatedState,
      status: context.responseStatus,
      details: context.responseDetails,
    };
  }
}
