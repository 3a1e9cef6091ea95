import { isAbandoned } from './abandoned-contexts.ts';
import { describeError, OrchestrationError, TransitionValidatedError } from './errors.ts';
import { isPromiseLike } from './maybe-promise.ts';
import type { OrchestrationContext } from './orchestration-context.ts';
import { hasReadOnlyHooks } from './read-only-hooks.ts';
import { abortDetails, rejectDetails, SetStateStatus, waitDetails } from './response.ts';
import type { State, StateDetails } from './state.ts';
import { NO_STATES, type StateSet } from './state-set.ts';
import type { StateName } from './state-type.ts';
import type { TransitionScope } from './rule-class.ts';

/**
 * A policy rule (Prefect's `BaseOrchestrationRule`), with its exact semantics
 * (docs/orchestration-semantics.md#invalid-and-fizzled-rules):
 *
 * - entry: a rule is *invalid* when its intended transition falls outside its
 *   FROM/TO sets or no longer matches the context; otherwise its before hook runs on
 *   copies, and an error it throws becomes an ABORT recorded on the context;
 * - exit: the membership test runs again (a rule whose own mutation left its TO set
 *   becomes invalid and runs nothing); a valid rule whose transition was changed by
 *   something inside it has *fizzled* and runs cleanup; otherwise after runs.
 *
 * Subclasses set `static FROM_STATES` / `TO_STATES` (empty by default: the rule never
 * fires) and override any of the three hooks. Hooks change the transition only through
 * the mutation methods; assigning on the copies they receive changes nothing (the
 * copies share the states' Date objects, which are read-only values). A rule declared
 * with `declareReadOnlyHooks` gets the real objects instead.
 *
 * Encapsulation is by convention: the members whose names start with `_` are
 * TypeScript-`private` and `@internal` (the orchestration loop's per-class code,
 * generated at run time, reads and calls them), and none is part of the public API.
 * They are deliberately not JavaScript `#private`: a class with `#private` members
 * gives each instance a private brand, which made constructing a rule, done for every
 * transition it governs, several times slower.
 */
export abstract class OrchestrationRule<
  C extends OrchestrationContext<any> = OrchestrationContext<any>,
> implements TransitionScope {
  static FROM_STATES: StateSet = NO_STATES;
  static TO_STATES: StateSet = NO_STATES;

  // Plain (TypeScript-private) fields assigned in the constructor: V8 constructs
  // these several times faster than `#private` or defined class fields, and a rule is
  // constructed for every transition it governs. All four are @internal.
  declare private readonly _context: C;
  declare private readonly _fromType: StateName | null;
  declare private _toType: StateName | null;
  /** Memoised at entry; set for good when a membership test fails. */
  declare private _invalidOnEntry: boolean | null;

  constructor(context: C, fromType: StateName | null, toType: StateName | null) {
    this._context = context;
    this._fromType = fromType;
    this._toType = toType;
    this._invalidOnEntry = null;
  }

  /** The initial type of the transition this rule was created for. */
  get fromType(): StateName | null {
    return this._fromType;
  }

  /** The proposed type this rule expects; changed only by its own mutations. */
  get toType(): StateName | null {
    return this._toType;
  }

  // The hooks may be `async`: a hook that returns a promise is awaited. A hook that
  // never awaits should be a plain method, which costs no promise and lets the whole
  // orchestration run synchronously.

  /** Runs before the proposed state is written; the only place to change the transition. */
  beforeTransition(
    _initial: State | null,
    _proposed: State | null,
    _context: C,
  ): void | Promise<void> {}

  /** Runs after validation when the rule neither became invalid nor fizzled. */
  afterTransition(
    _initial: State | null,
    _validated: State | null,
    _context: C,
  ): void | Promise<void> {}

  /** Runs after validation instead of `afterTransition` when the rule fizzled: undo `before`. */
  cleanup(_initial: State | null, _validated: State | null, _context: C): void | Promise<void> {}

  /**
   * True when the rule does not apply: its transition is outside FROM/TO, or (decided
   * once, at entry) the context's transition differed from it. Permanent once true.
   */
  invalid(): boolean {
    const rule = this.constructor as typeof OrchestrationRule;
    if (!rule.FROM_STATES.has(this._fromType) || !rule.TO_STATES.has(this._toType)) {
      this._invalidOnEntry = true;
    }
    if (this._invalidOnEntry === null) this._invalidOnEntry = this._transitionChanged();
    return this._invalidOnEntry;
  }

  /** True when the rule was valid at entry but the context's transition has since changed. */
  fizzled(): boolean {
    if (this._invalidOnEntry) return false;
    return this._transitionChanged();
  }

  // `enter` and `exit` are the generic path. `orchestrate` normally runs code
  // generated for each rule class instead (class-entry.ts), which must do exactly what
  // these do; a class that overrides `enter`, `exit`, `invalid` or `fizzled` always
  // takes this path.

  enter(): void | Promise<void> {
    if (this.invalid()) return;
    if (this.beforeTransition === OrchestrationRule.prototype.beforeTransition) {
      this._context.ruleSignature.push(this.constructor.name);
      return;
    }
    return this._runBefore();
  }

  exit(): void | Promise<void> {
    if (this.invalid()) return;
    if (this.fizzled()) {
      if (this.cleanup === OrchestrationRule.prototype.cleanup) return;
      const context = this._context;
      const cleaning = hasReadOnlyHooks(this.constructor)
        ? this.cleanup(context.initialState, context.validatedState, context)
        : this.cleanup(...context.exitContext());
      return isPromiseLike(cleaning) ? this._settleCleanup(cleaning) : undefined;
    }
    if (this.afterTransition === OrchestrationRule.prototype.afterTransition) {
      this._context.finalizationSignature.push(this.constructor.name);
      return;
    }
    return this._runAfter();
  }

  /**
   * Replaces the proposed state with `state` (status REJECT). With `null`, nothing is
   * written and the run keeps its current state; a run with no state cannot be
   * rejected that way (an `OrchestrationError`).
   */
  rejectTransition(state: State | null, reason: string | null = null): void {
    this._assertNotValidated('rejectTransition');
    const context = this._context;
    if (state === null) {
      if (this._fromType === null) {
        throw new OrchestrationError(
          'The run has no state, so this transition cannot be rejected without a new state: ' +
            'pass a state to rejectTransition, or abort instead.',
        );
      }
      this._toType = null;
      context.proposedState = null;
    } else {
      this._toType = state.type;
      context.proposedState = state;
    }
    context.responseStatus = SetStateStatus.REJECT;
    context.responseDetails = rejectDetails(reason);
  }

  /** Writes nothing and asks the caller to propose again in `delaySeconds` (status WAIT). */
  delayTransition(delaySeconds: number, reason: string | null = null): void {
    this._assertNotValidated('delayTransition');
    this._toType = null;
    this._context.proposedState = null;
    this._context.responseStatus = SetStateStatus.WAIT;
    this._context.responseDetails = waitDetails(delaySeconds, reason);
  }

  /** Writes nothing and ends the orchestration attempt (status ABORT). */
  abortTransition(reason: string | null = null): void {
    this._assertNotValidated('abortTransition');
    this._toType = null;
    this._context.proposedState = null;
    this._context.responseStatus = SetStateStatus.ABORT;
    this._context.responseDetails = abortDetails(reason);
  }

  /** Sets the real proposed state's name (no-op when it is null). Types are untouched. */
  renameState(name: string): void {
    this._assertNotAbandoned('renameState');
    const proposed = this._context.proposedState;
    if (proposed !== null) proposed.name = name;
  }

  /** Writes into the real context's parameters, where rules entered later read it. */
  updateContextParameters(key: string, value: unknown): void {
    this._assertNotAbandoned('updateContextParameters');
    this._context.parameters[key] = value;
  }

  /**
   * Writes `details` into the real proposed state's details (no-op when it is null).
   * This is the sanctioned replacement for Prefect's shallow-copy leak, on which
   * `CopyScheduledTime` relies: hooks get copies of their own here (only the dates are
   * shared), Prefect's are shallow.
   */
  updateProposedStateDetails(details: Partial<StateDetails>): void {
    this._assertNotAbandoned('updateProposedStateDetails');
    const proposed = this._context.proposedState;
    if (proposed !== null) Object.assign(proposed.stateDetails, details);
  }

  /** Runs the before hook on copies: synchronously unless it returns a promise. */
  private _runBefore(): void | Promise<void> {
    const context = this._context;
    let pending: void | Promise<void>;
    try {
      pending = hasReadOnlyHooks(this.constructor)
        ? this.beforeTransition(context.initialState, context.proposedState, context)
        : this.beforeTransition(...context.entryContext());
    } catch (error) {
      this._beforeFailed(error);
      return;
    }
    if (isPromiseLike(pending)) return this._settleBefore(pending);
    context.ruleSignature.push(this.constructor.name);
  }

  /**
   * @internal The rest of the entry once the before hook's promise settles: sign, or
   * record its error as `_beforeFailed` does. Never rejects. Nothing is recorded on a
   * context `orchestrateSync` abandoned.
   */
  private _settleBefore(pending: PromiseLike<unknown>): Promise<void> {
    return Promise.resolve(pending).then(
      () => {
        if (!isAbandoned(this._context)) this._context.ruleSignature.push(this.constructor.name);
      },
      (error: unknown) => {
        if (!isAbandoned(this._context)) this._beforeFailed(error);
      },
    );
  }

  /** @internal A before hook threw `error`: ABORT, and the error recorded on the context. */
  private _beforeFailed(error: unknown): void {
    // The rule's toType is left as it was, so the rule fizzles at exit and its cleanup
    // runs. A thrown null or undefined is wrapped: `orchestrationError` must be
    // non-null for transforms to skip their after hooks and for `orchestrate` to
    // re-throw it.
    const context = this._context;
    const recorded =
      error ??
      new OrchestrationError(`${this.constructor.name}.beforeTransition threw ${String(error)}.`);
    context.proposedState = null;
    context.responseStatus = SetStateStatus.ABORT;
    context.responseDetails = abortDetails(
      `Aborting orchestration due to error in ${this.constructor.name}: ${describeError(recorded)}`,
    );
    context.orchestrationError = recorded;
  }

  /** Runs the after hook on copies, then signs: synchronously unless it returns a promise. */
  private _runAfter(): void | Promise<void> {
    const context = this._context;
    const pending = hasReadOnlyHooks(this.constructor)
      ? this.afterTransition(context.initialState, context.validatedState, context)
      : this.afterTransition(...context.exitContext());
    if (isPromiseLike(pending)) return this._settleAfter(pending);
    context.finalizationSignature.push(this.constructor.name);
  }

  /**
   * @internal Signs once the after hook's promise fulfils (unless `orchestrateSync`
   * abandoned the context); rejects with its error.
   */
  private _settleAfter(pending: PromiseLike<unknown>): Promise<void> {
    return Promise.resolve(pending).then(() => {
      if (!isAbandoned(this._context)) {
        this._context.finalizationSignature.push(this.constructor.name);
      }
    });
  }

  /** @internal Settles once the cleanup's promise fulfils; rejects with its error. */
  private _settleCleanup(pending: PromiseLike<unknown>): Promise<void> {
    return Promise.resolve(pending).then(ignore);
  }

  private _transitionChanged(): boolean {
    const context = this._context;
    return (
      this._fromType !== context.initialStateType || this._toType !== context.proposedStateType
    );
  }

  private _assertNotValidated(mutation: string): void {
    this._assertNotAbandoned(mutation);
    if (this._context.validatedState !== null) {
      throw new TransitionValidatedError(this.constructor.name, mutation);
    }
  }

  /**
   * A hook still running after `orchestrateSync` gave up on its orchestration (it
   * returned a promise) may change nothing more: the context stays as it was.
   */
  private _assertNotAbandoned(mutation: string): void {
    if (isAbandoned(this._context)) {
      throw new OrchestrationError(
        `${this.constructor.name} called ${mutation} after orchestrateSync abandoned the orchestration ` +
          '(a hook or the commit returned a promise); the call changed nothing.',
      );
    }
  }
}

function ignore(): void {}
