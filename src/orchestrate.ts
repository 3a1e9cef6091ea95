import { abandonContext } from './abandoned-contexts.ts';
import { classEntries, type ClassEntry, type EntrySite } from './class-entry.ts';
import type { CommitState } from './commit-state.ts';
import { AsyncHookError } from './errors.ts';
import type { MaybePromise } from './maybe-promise.ts';
import type { OrchestrationContext } from './orchestration-context.ts';
import { OrchestrationRule } from './orchestration-rule.ts';
import type { OrchestrationResult } from './response.ts';
import type { RuleClass } from './rule-class.ts';
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
 * `orchestrate` for callers whose hooks and commit never return a promise: the same
 * orchestration, run synchronously, returning the result (or throwing) directly, with
 * no promise and no microtask.
 *
 * When a hook or the commit does return a promise, it throws an `AsyncHookError`
 * naming it (`Rule.beforeTransition`, `Rule.afterTransition`, `Rule.cleanup` or
 * `commit`) at once. The orchestration stops right there: everything before that point
 * has run, nothing after it runs (no later rule enters, no exit logic runs, the
 * enclosing rules do not unwind), and the promise is not awaited; when it settles, its
 * outcome is dropped (a rejection included), so the context stays exactly as it was
 * when the error was thrown. A commit that returned a promise may still complete its
 * write: discard the context, and roll back the transaction the caller wrapped it in.
 */
export function orchestrateSync<C extends OrchestrationContext<any>>(
  options: OrchestrateOptions<C>,
): OrchestrationResult {
  const { context, rules, transforms = NO_TRANSFORMS, commit } = options;
  return new Nest(context, rules, transforms, commit, true).enterFrom(0) as OrchestrationResult;
}

/**
 * `orchestrate` without the promise when nothing waits: while every hook and the
 * commit return synchronously, the whole nest runs synchronously and the result (or
 * the error) comes back directly. At the first hook or commit that returns a promise
 * the nest continues asynchronously from exactly that point, in the same order, and a
 * promise comes back instead. For callers that chain further synchronous work (the
 * Orion engine); everyone else calls `orchestrate` or `orchestrateSync`.
 */
export function orchestrateNow<C extends OrchestrationContext<any>>(
  options: OrchestrateOptions<C>,
): MaybePromise<OrchestrationResult> {
  const { context, rules, transforms = NO_TRANSFORMS, commit } = options;
  return new Nest(context, rules, transforms, commit, false).enterFrom(0);
}

// `never[]`: the empty list is a list of rules of any context type.
const NO_TRANSFORMS: readonly never[] = Object.freeze([]);

/**
 * One orchestration's nest. `enterFrom(i)` enters scope `i` onwards (the rules, then
 * the transforms), then validates; `exitFrom(i)` exits entered scope `i` down to the
 * first. Each runs synchronously until a scope or the commit returns a promise, and
 * then resumes itself from the next step when that promise settles (or, for
 * `orchestrateSync`, stops with an `AsyncHookError`).
 *
 * Scope `i` is entered and exited through the entry of its class (class-entry.ts);
 * the nest is the site they are entered in, and keeps the handle each leaves.
 */
class Nest<C extends OrchestrationContext<any>> implements EntrySite {
  declare readonly context: C;
  declare readonly rules: readonly RuleClass<C>[];
  declare readonly transforms: readonly RuleClass<C>[];
  declare readonly ruleEntries: readonly ClassEntry[];
  declare readonly transformEntries: readonly ClassEntry[];
  declare readonly commit: CommitState<C>;
  declare readonly from: StateName | null;
  declare readonly to: StateName | null;
  /** True for `orchestrateSync`: a promise stops the nest instead of being awaited. */
  declare readonly sync: boolean;
  /** The handles of the entered scopes, in entry order. */
  declare readonly handles: unknown[];
  declare opened: unknown;
  /** The error escaping the nest so far (the last one thrown wins), if any. */
  declare escaping: { error: unknown } | null;
  /** The `AsyncHookError` that stopped an `orchestrateSync` nest, if any. */
  declare stopped: AsyncHookError | null;

  constructor(
    context: C,
    rules: readonly RuleClass<C>[],
    transforms: readonly RuleClass<C>[],
    commit: CommitState<C>,
    sync: boolean,
  ) {
    this.context = context;
    this.rules = rules;
    this.transforms = transforms;
    this.ruleEntries = classEntries(rules);
    this.transformEntries = classEntries(transforms);
    this.commit = commit;
    this.from = context.initialStateType;
    this.to = context.proposedStateType;
    this.sync = sync;
    this.handles = [];
    this.opened = null;
    this.escaping = null;
    this.stopped = null;
  }

  enterFrom(start: number): MaybePromise<OrchestrationResult> {
    const { ruleEntries, transformEntries, context } = this;
    const ruleCount = ruleEntries.length;
    const total = ruleCount + transformEntries.length;
    try {
      for (let i = start; i < total; i++) {
        const entry = i < ruleCount ? ruleEntries[i]! : transformEntries[i - ruleCount]!;
        const pending = entry.enter(this);
        const handle = this.opened;
        if (pending !== undefined) {
          this.stopIfSync(pending, `${this.classAt(i).name}.beforeTransition`);
          return Promise.resolve(pending).then(
            () => {
              this.handles.push(handle);
              return this.enterFrom(i + 1);
            },
            (error: unknown) => this.escape(error),
          );
        }
        this.handles.push(handle);
      }
      const validating = validateTransition(context, this.commit);
      if (validating !== undefined) {
        this.stopIfSync(validating, 'commit');
        return validating.then(() => this.exitFrom(this.handles.length - 1));
      }
    } catch (error) {
      if (error === this.stopped) throw error;
      return this.escape(error);
    }
    return this.exitFrom(this.handles.length - 1);
  }

  /**
   * Unwinds like nested context managers: every entered scope exits, and an error
   * thrown while exiting replaces the one in flight.
   */
  exitFrom(start: number): MaybePromise<OrchestrationResult> {
    const { handles, ruleEntries, transformEntries } = this;
    const ruleCount = ruleEntries.length;
    for (let i = start; i >= 0; i--) {
      const entry = i < ruleCount ? ruleEntries[i]! : transformEntries[i - ruleCount]!;
      let pending: void | Promise<void>;
      try {
        pending = entry.exit(handles[i], this);
      } catch (error) {
        this.escaping = { error };
        continue;
      }
      if (pending !== undefined) {
        this.stopIfSync(pending, this.exitHookAt(i));
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

  /**
   * For `orchestrateSync`: abandons the context, so that `pending`'s continuation
   * records nothing, makes sure its rejection cannot go unhandled, and throws.
   */
  private stopIfSync(pending: PromiseLike<unknown>, hook: string): void {
    if (!this.sync) return;
    abandonContext(this.context);
    Promise.resolve(pending).then(undefined, ignore);
    this.stopped = new AsyncHookError(hook);
    throw this.stopped;
  }

  private classAt(i: number): RuleClass<C> {
    const ruleCount = this.rules.length;
    return i < ruleCount ? this.rules[i]! : this.transforms[i - ruleCount]!;
  }

  /** The hook whose promise the exit of scope `i` returned. */
  private exitHookAt(i: number): string {
    const name = this.classAt(i).name;
    const handle = this.handles[i];
    // A rule returns a promise from exit only from its cleanup (it fizzled) or its
    // after hook (it did not); a transform only from its after hook.
    const fizzled = handle instanceof OrchestrationRule && handle.fizzled();
    return `${name}.${fizzled ? 'cleanup' : 'afterTransition'}`;
  }

  private escape(error: unknown): MaybePromise<OrchestrationResult> {
    this.escaping = { error };
    return this.exitFrom(this.handles.length - 1);
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

function ignore(): void {}
