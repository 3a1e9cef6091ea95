import { describeError, OrchestrationError, TransitionValidatedError } from './errors.ts';
import type { OrchestrationContext } from './orchestration-context.ts';
import { abortDetails, rejectDetails, SetStateStatus, waitDetails } from './response.ts';
import type { State, StateDetails } from './state.ts';
import { NO_STATES, type StateSet } from './state-set.ts';
import type { StateName } from './state-type.ts';
import type { TransitionScope } from './rule-class.ts';

/**
 * A policy rule (Prefect's `BaseOrchestrationRule`), with the exact semantics of
 * orion-behaviour.md 2.3–2.6:
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
 * the mutation methods; assigning on the copies they receive changes nothing.
 */
export abstract class OrchestrationRule<
  C extends OrchestrationContext<any> = OrchestrationContext<any>,
> implements TransitionScope {
  static FROM_STATES: StateSet = NO_STATES;
  static TO_STATES: StateSet = NO_STATES;

  readonly #context: C;
  readonly #fromType: StateName | null;
  #toType: StateName | null;
  /** Memoised at entry (2.4); set for good when a membership test fails. */
  #invalidOnEntry: boolean | null = null;

  constructor(context: C, fromType: StateName | null, toType: StateName | null) {
    this.#context = context;
    this.#fromType = fromType;
    this.#toType = toType;
  }

  /** The initial type of the transition this rule was created for. */
  get fromType(): StateName | null {
    return this.#fromType;
  }

  /** The proposed type this rule expects; changed only by its own mutations. */
  get toType(): StateName | null {
    return this.#toType;
  }

  /** Runs before the proposed state is written; the only place to change the transition. */
  async beforeTransition(
    _initial: State | null,
    _proposed: State | null,
    _context: C,
  ): Promise<void> {}

  /** Runs after validation when the rule neither became invalid nor fizzled. */
  async afterTransition(
    _initial: State | null,
    _validated: State | null,
    _context: C,
  ): Promise<void> {}

  /** Runs after validation instead of `afterTransition` when the rule fizzled: undo `before`. */
  async cleanup(_initial: State | null, _validated: State | null, _context: C): Promise<void> {}

  /**
   * True when the rule does not apply: its transition is outside FROM/TO, or (decided
   * once, at entry) the context's transition differed from it. Permanent once true.
   */
  invalid(): boolean {
    const rule = this.constructor as typeof OrchestrationRule;
    if (!rule.FROM_STATES.has(this.#fromType) || !rule.TO_STATES.has(this.#toType)) {
      this.#invalidOnEntry = true;
    }
    if (this.#invalidOnEntry === null) this.#invalidOnEntry = this.#transitionChanged();
    return this.#invalidOnEntry;
  }

  /** True when the rule was valid at entry but the context's transition has since changed. */
  fizzled(): boolean {
    if (this.#invalidOnEntry) return false;
    return this.#transitionChanged();
  }

  enter(): void | Promise<void> {
    if (this.invalid()) return;
    if (this.beforeTransition === OrchestrationRule.prototype.beforeTransition) {
      this.#context.ruleSignature.push(this.constructor.name);
      return;
    }
    return this.#runBefore();
  }

  exit(): void | Promise<void> {
    if (this.invalid()) return;
    if (this.fizzled()) {
      if (this.cleanup === OrchestrationRule.prototype.cleanup) return;
      return this.cleanup(...this.#context.exitContext());
    }
    if (this.afterTransition === OrchestrationRule.prototype.afterTransition) {
      this.#context.finalizationSignature.push(this.constructor.name);
      return;
    }
    return this.#runAfter();
  }

  /**
   * Replaces the proposed state with `state` (status REJECT). With `null`, nothing is
   * written and the run keeps its current state; a run with no state cannot be
   * rejected that way (an `OrchestrationError`).
   */
  rejectTransition(state: State | null, reason: string | null = null): void {
    this.#assertNotValidated('rejectTransition');
    const context = this.#context;
    if (state === null) {
      if (this.#fromType === null) {
        throw new OrchestrationError(
          'The run has no state, so this transition cannot be rejected without a new state: ' +
            'pass a state to rejectTransition, or abort instead.',
        );
      }
      this.#toType = null;
      context.proposedState = null;
    } else {
      this.#toType = state.type;
      context.proposedState = state;
    }
    context.responseStatus = SetStateStatus.REJECT;
    context.responseDetails = rejectDetails(reason);
  }

  /** Writes nothing and asks the caller to propose again in `delaySeconds` (status WAIT). */
  delayTransition(delaySeconds: number, reason: string | null = null): void {
    this.#assertNotValidated('delayTransition');
    this.#toType = null;
    this.#context.proposedState = null;
    this.#context.responseStatus = SetStateStatus.WAIT;
    this.#context.responseDetails = waitDetails(delaySeconds, reason);
  }

  /** Writes nothing and ends the orchestration attempt (status ABORT). */
  abortTransition(reason: string | null = null): void {
    this.#assertNotValidated('abortTransition');
    this.#toType = null;
    this.#context.proposedState = null;
    this.#context.responseStatus = SetStateStatus.ABORT;
    this.#context.responseDetails = abortDetails(reason);
  }

  /** Sets the real proposed state's name (no-op when it is null). Types are untouched. */
  renameState(name: string): void {
    const proposed = this.#context.proposedState;
    if (proposed !== null) proposed.name = name;
  }

  /** Writes into the real context's parameters, where rules entered later read it. */
  updateContextParameters(key: string, value: unknown): void {
    this.#context.parameters[key] = value;
  }

  /**
   * Writes `details` into the real proposed state's details (no-op when it is null).
   * This is the sanctioned replacement for Prefect's shallow-copy leak, on which
   * `CopyScheduledTime` relies (orion-behaviour.md 2.2): hooks get deep copies here.
   */
  updateProposedStateDetails(details: Partial<StateDetails>): void {
    const proposed = this.#context.proposedState;
    if (proposed !== null) Object.assign(proposed.stateDetails, details);
  }

  async #runBefore(): Promise<void> {
    const context = this.#context;
    try {
      await this.beforeTransition(...context.entryContext());
      context.ruleSignature.push(this.constructor.name);
    } catch (error) {
      // 2.6: the rule's toType is left as it was, so the rule fizzles at exit and its
      // cleanup runs. A thrown null or undefined is wrapped: `orchestrationError` must
      // be non-null for transforms to skip their after hooks and for `orchestrate` to
      // re-throw it.
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
  }

  async #runAfter(): Promise<void> {
    await this.afterTransition(...this.#context.exitContext());
    this.#context.finalizationSignature.push(this.constructor.name);
  }

  #transitionChanged(): boolean {
    const context = this.#context;
    return (
      this.#fromType !== context.initialStateType || this.#toType !== context.proposedStateType
    );
  }

  #assertNotValidated(mutation: string): void {
    if (this.#context.validatedState !== null) {
      throw new TransitionValidatedError(this.constructor.name, mutation);
    }
  }
}
