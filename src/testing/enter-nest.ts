/**
 * `enterNest`: enters rules and transforms on a context the way `orchestrate` does,
 * then stops, so that a test can look at (or change) the context between entry and
 * validation, validate, exit, and ask each rule instance whether it was invalid or
 * fizzled. This is how Prefect's own suite tests a rule: by nesting its context
 * managers by hand.
 */
import type { CommitState } from '../commit-state.ts';
import type { OrchestrationContext } from '../orchestration-context.ts';
import type { OrchestrationResult } from '../response.ts';
import type { RuleClass, TransitionScope } from '../rule-class.ts';
import type { StateName } from '../state-type.ts';
import { validateTransition } from '../validate-transition.ts';
import type { HookRecorder } from './hook-recorder.ts';
import type { KitAsyncDisposable } from './async-disposable.ts';

export interface EnterNestOptions<C extends OrchestrationContext<any>> {
  context: C;
  /** Rule classes, entered first, outermost first (priority order). */
  rules?: readonly RuleClass<C>[];
  /** Transform classes, entered inside the rules, in order. */
  transforms?: readonly RuleClass<C>[];
  /**
   * The intended transition every instance is built for. Defaults to the context's
   * (initial type, proposed type), as in `orchestrate`; give another one to check that
   * a rule built for a transition the context does not hold stays invalid.
   */
  transition?: readonly [from: StateName | null, to: StateName | null];
  /**
   * What `exit` does with an orchestration error a before hook recorded. `'rethrow'`
   * (the default, as `orchestrate`): exit unwinds the whole nest, then throws it.
   * `'record'` (a bare nest, as Prefect's rule tests run): it stays on
   * `context.orchestrationError` and exit does not throw it.
   */
  orchestrationError?: 'rethrow' | 'record';
  /** Records every hook call of every instance, and the validation step. */
  recorder?: HookRecorder;
}

/** A nest entered by `enterNest`. Exit it (or let `await using` dispose of it) once. */
export interface EnteredNest<C extends OrchestrationContext<any>> extends KitAsyncDisposable {
  readonly context: C;
  /**
   * Every instance, in entry order (rules, then transforms, then those entered with
   * `enter`): hookless classes included.
   */
  readonly instances: readonly TransitionScope[];
  /**
   * Builds one instance of `Rule` (a rule or a transform) for the nest's transition
   * and enters it inside everything entered so far, so that a test can run code
   * between two entries, as Prefect's tests do with their exit stacks. Returns the
   * instance. When its entry throws, it is not part of the nest and the error is
   * thrown; what was entered before stays entered (exit the nest). Throws once the
   * nest was validated or has exited.
   */
  enter<R extends TransitionScope>(Rule: RuleClass<C> & (new (...args: any[]) => R)): Promise<R>;
  /**
   * The one instance of `Rule` in the nest (`invalid()`, `fizzled()` and the rule's
   * own fields are then at hand). Throws when the class was entered zero or several times.
   */
  instance<R extends TransitionScope>(Rule: abstract new (...args: any[]) => R): R;
  /**
   * Validates the proposed state through `commit`, exactly as `orchestrate` does: what
   * it returns becomes the validated state, and an error it throws becomes an ABORT
   * ("Error validating state: …") instead of propagating. May be called before `exit`
   * (the runtime's order) or after it, or not at all; at most once.
   */
  validate(commit: CommitState<C>): Promise<void>;
  /**
   * Exits every instance in reverse entry order, like nested context managers: an
   * error thrown while exiting replaces the one in flight, and the last one is thrown
   * once all have exited. Then, unless `orchestrationError: 'record'`, throws the
   * recorded orchestration error. At most once.
   */
  exit(): Promise<void>;
  /** True once `exit` has been called. */
  readonly exited: boolean;
  /** `{ state, status, details }` as `orchestrate` would return them, read from the context now. */
  result(): OrchestrationResult;
  /** Exits the nest unless it has already exited: `await using nest = await enterNest(…)`. */
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Builds one instance of every class (`new Rule(context, from, to)`, even for classes
 * that override no hook, which `orchestrate` would not construct) and enters them in
 * order: the rules, then the transforms. When an entry throws (a transform's before
 * hook; rules record their errors instead), the instances already entered exit in
 * reverse and the error is thrown: no nest is returned.
 */
export async function enterNest<C extends OrchestrationContext<any>>(
  options: EnterNestOptions<C>,
): Promise<EnteredNest<C>> {
  const { context, rules = [], transforms = [], recorder } = options;
  const [from, to] = options.transition ?? [context.initialStateType, context.proposedStateType];
  const entered: TransitionScope[] = [];
  try {
    for (const Scope of [...rules, ...transforms]) {
      const instance = new Scope(context, from, to);
      recorder?.attach(instance, context);
      await instance.enter();
      entered.push(instance);
    }
  } catch (error) {
    throw (await unwind(entered, { error }))!.error;
  }
  return new Nest(context, entered, [from, to], options.orchestrationError ?? 'rethrow', recorder);
}

class Nest<C extends OrchestrationContext<any>> implements EnteredNest<C> {
  readonly context: C;
  readonly #entered: TransitionScope[];
  readonly #transition: readonly [StateName | null, StateName | null];
  readonly #onError: 'rethrow' | 'record';
  readonly #recorder: HookRecorder | undefined;
  #validated = false;
  #exited = false;

  constructor(
    context: C,
    entered: TransitionScope[],
    transition: readonly [StateName | null, StateName | null],
    onError: 'rethrow' | 'record',
    recorder: HookRecorder | undefined,
  ) {
    this.context = context;
    this.#entered = entered;
    this.#transition = transition;
    this.#onError = onError;
    this.#recorder = recorder;
  }

  get instances(): readonly TransitionScope[] {
    return Object.freeze([...this.#entered]);
  }

  async enter<R extends TransitionScope>(
    Rule: RuleClass<C> & (new (...args: any[]) => R),
  ): Promise<R> {
    if (this.#validated || this.#exited) {
      throw new Error(
        `Cannot enter ${Rule.name}: this nest was already ${this.#exited ? 'exited' : 'validated'}. ` +
          'Enter every rule before validating, as orchestrate does.',
      );
    }
    const [from, to] = this.#transition;
    const instance = new Rule(this.context, from, to);
    this.#recorder?.attach(instance, this.context);
    await instance.enter();
    this.#entered.push(instance);
    return instance;
  }

  get exited(): boolean {
    return this.#exited;
  }

  instance<R extends TransitionScope>(Rule: abstract new (...args: any[]) => R): R {
    const found = this.instances.filter((scope): scope is R => scope.constructor === Rule);
    if (found.length !== 1) {
      const entered = this.instances.map((scope) => scope.constructor.name).join(', ');
      throw new Error(
        `The nest holds ${found.length} instances of ${Rule.name}, expected exactly one ` +
          `(entered: ${entered || 'nothing'}). Pass the class itself, as listed in rules or transforms.`,
      );
    }
    return found[0]!;
  }

  async validate(commit: CommitState<C>): Promise<void> {
    if (this.#validated) {
      throw new Error(
        'This nest was already validated: a transition is validated once. Enter a new nest to validate again.',
      );
    }
    this.#validated = true;
    this.#recorder?.recordValidation(this.context);
    await validateTransition(this.context, commit);
  }

  async exit(): Promise<void> {
    if (this.#exited) {
      throw new Error(
        'This nest has already exited: every instance exits once. Drop the second exit() (await using exits only when needed).',
      );
    }
    this.#exited = true;
    const escaping = await unwind(this.#entered, null);
    if (escaping !== null) throw escaping.error;
    if (this.#onError === 'rethrow' && this.context.orchestrationError !== null) {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- re-throws, unchanged, the value a hook or commit threw (any value; narrowed from unknown)
      throw this.context.orchestrationError;
    }
  }

  result(): OrchestrationResult {
    return {
      state: this.context.validatedState,
      status: this.context.responseStatus,
      details: this.context.responseDetails,
    };
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (!this.#exited) await this.exit();
  }
}

/**
 * Exits `entered` in reverse; an error thrown while exiting replaces `escaping`.
 * Returns the error in flight at the end (the one passed in, or a later one), or null.
 */
async function unwind(
  entered: readonly TransitionScope[],
  escaping: { error: unknown } | null,
): Promise<{ error: unknown } | null> {
  let inFlight = escaping;
  for (let i = entered.length - 1; i >= 0; i--) {
    try {
      await entered[i]!.exit();
    } catch (error) {
      inFlight = { error };
    }
  }
  return inFlight;
}
