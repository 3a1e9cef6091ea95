/**
 * A port of Prefect's `BaseOrchestrationRule` (prefect/orion/orchestration/rules.py at
 * the reference revision): one async context manager per applicable rule, as the
 * benchmark's Prefect baseline. It reproduces the work Prefect does per rule, not the
 * shortcuts of this library's runtime:
 *
 * - `aenter`: `await this.invalid()`; if valid, take a safe copy of the context and
 *   states, `await beforeTransition(...)`, append to the rule signature; an error in the
 *   hook becomes an ABORT recorded on the context;
 * - `aexit`: always take a safe copy first (Prefect builds `exit_context` before asking
 *   anything), then `await invalid()`, `await fizzled()`, and `await` cleanup or after;
 * - `invalid`, `fizzled` and `invalidTransition` are async, as in Prefect, so each
 *   costs an await.
 *
 * Hooks are awaited even when a subclass leaves them as the no-op defaults: Prefect
 * has no way to know a hook does nothing. The mutation methods (reject, delay, abort,
 * rename) are not ported: no benchmark rule calls them, and they add no cost to the
 * loop when unused.
 */
import {
  abortDetails,
  describeError,
  NO_STATES,
  SetStateStatus,
  type OrchestrationContext,
  type State,
  type StateName,
  type StateSet,
} from '../../../src/index.ts';
import type { AsyncContextManager } from './async-exit-stack.ts';
import { entryContext, exitContext } from './safe-copy.ts';

/** What a Prefect-port policy lists: a rule or transform class with FROM/TO sets. */
export interface PrefectRuleClass<C extends OrchestrationContext<any> = OrchestrationContext<any>> {
  new (
    context: C,
    fromStateType: StateName | null,
    toStateType: StateName | null,
  ): AsyncContextManager<C>;
  readonly FROM_STATES: StateSet;
  readonly TO_STATES: StateSet;
  readonly name: string;
}

export abstract class PrefectRule<
  C extends OrchestrationContext<any> = OrchestrationContext<any>,
> implements AsyncContextManager<C> {
  static FROM_STATES: StateSet = NO_STATES;
  static TO_STATES: StateSet = NO_STATES;

  // Declared, not defined: instance fields of a base class with many subclasses make
  // V8 11 define them through a megamorphic, runtime-called IC (about 1.8 µs per
  // instance on the bench machine), a JavaScript artefact Prefect does not pay.
  // Assigning them in the constructor keeps the port's cost Prefect's own.
  declare context: C;
  declare fromStateType: StateName | null;
  declare toStateType: StateName | null;
  declare invalidOnEntry: boolean | null;

  constructor(context: C, fromStateType: StateName | null, toStateType: StateName | null) {
    this.context = context;
    this.fromStateType = fromStateType;
    this.toStateType = toStateType;
    this.invalidOnEntry = null;
  }

  async aenter(): Promise<C> {
    if (await this.invalid()) {
      // Invalid rules run no hooks.
    } else {
      try {
        const [initial, proposed, copy] = entryContext(this.context);
        await this.beforeTransition(initial, proposed, copy);
        this.context.ruleSignature.push(this.constructor.name);
      } catch (error) {
        this.context.proposedState = null;
        this.context.responseStatus = SetStateStatus.ABORT;
        this.context.responseDetails = abortDetails(
          `Aborting orchestration due to error in ${this.constructor.name}: ${describeError(error)}`,
        );
        this.context.orchestrationError = error;
      }
    }
    return this.context;
  }

  async aexit(_error: unknown): Promise<void> {
    const [initial, validated, copy] = exitContext(this.context);
    if (await this.invalid()) {
      // Invalid rules run no hooks.
    } else if (await this.fizzled()) {
      await this.cleanup(initial, validated, copy);
    } else {
      await this.afterTransition(initial, validated, copy);
      this.context.finalizationSignature.push(this.constructor.name);
    }
  }

  async beforeTransition(
    _initial: State | null,
    _proposed: State | null,
    _context: C,
  ): Promise<void> {}

  async afterTransition(
    _initial: State | null,
    _validated: State | null,
    _context: C,
  ): Promise<void> {}

  async cleanup(_initial: State | null, _validated: State | null, _context: C): Promise<void> {}

  /** Membership test (every call), then the memoised entry decision. */
  async invalid(): Promise<boolean> {
    const rule = this.constructor as typeof PrefectRule;
    if (!rule.FROM_STATES.has(this.fromStateType)) this.invalidOnEntry = true;
    if (!rule.TO_STATES.has(this.toStateType)) this.invalidOnEntry = true;
    if (this.invalidOnEntry === null) this.invalidOnEntry = await this.invalidTransition();
    return this.invalidOnEntry;
  }

  async fizzled(): Promise<boolean> {
    if (this.invalidOnEntry) return false;
    return await this.invalidTransition();
  }

  /** True when the context's transition differs from the one the rule was created for. */
  async invalidTransition(): Promise<boolean> {
    return (
      this.fromStateType !== this.context.initialStateType ||
      this.toStateType !== this.context.proposedStateType
    );
  }
}
