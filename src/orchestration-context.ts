import { systemClock, type Clock } from './clock.ts';
import { systemRandom, type RandomSource } from './random-source.ts';
import { acceptDetails, SetStateStatus, type StateResponseDetails } from './response.ts';
import { copyStateForHook, type State } from './state.ts';
import type { StateName } from './state-type.ts';

/** What a context is built from. The clock and random source default to the system's. */
export interface OrchestrationContextInit<TRun> {
  /** The live run record. Shared with every hook: rules mutate it directly. */
  run: TRun;
  initialState: State | null;
  proposedState: State | null;
  /** Caller-seeded parameters, for example `{ 'api-version': '0.8.4' }`. Copied. */
  parameters?: Record<string, unknown>;
  clock?: Clock;
  random?: RandomSource;
}

/**
 * The state of one orchestration (Prefect's `OrchestrationContext`): the run, the initial,
 * proposed and validated states, the response, the parameters, the debugging
 * signatures and the orchestration error, plus the injected clock and random source.
 *
 * Hooks of ordinary rules receive copies (`entryContext`, `exitContext`): assigning on
 * them changes nothing (their Date objects are shared, read-only values). Subclasses (the Orion flow and task contexts) add a store and
 * the run accessors; `copy` keeps the subclass.
 */
export class OrchestrationContext<TRun = unknown> {
  run: TRun;
  initialState: State | null;
  proposedState: State | null;
  validatedState: State | null = null;
  responseStatus: SetStateStatus = SetStateStatus.ACCEPT;
  responseDetails: StateResponseDetails = acceptDetails();
  /** Set when a before hook threw; `orchestrate` re-throws it once the nest unwinds. */
  orchestrationError: unknown = null;
  parameters: Record<string, unknown>;
  /** Identities of the rules and transforms whose before hook completed. Debugging only. */
  ruleSignature: string[] = [];
  /** Identities of the rules and transforms whose after hook ran. Debugging only. */
  finalizationSignature: string[] = [];
  readonly clock: Clock;
  readonly random: RandomSource;

  constructor(init: OrchestrationContextInit<TRun>) {
    this.run = init.run;
    this.initialState = init.initialState;
    this.proposedState = init.proposedState;
    this.parameters = { ...init.parameters };
    this.clock = init.clock ?? systemClock;
    this.random = init.random ?? systemRandom;
  }

  get initialStateType(): StateName | null {
    return this.initialState === null ? null : this.initialState.type;
  }

  get proposedStateType(): StateName | null {
    return this.proposedState === null ? null : this.proposedState.type;
  }

  get validatedStateType(): StateName | null {
    return this.validatedState === null ? null : this.validatedState.type;
  }

  /** "now" from the injected clock. */
  now(): Date {
    return this.clock.now();
  }

  /**
   * A shallow copy of this context whose states and parameters are copies: the run
   * (and anything else a subclass holds, such as its store) stays shared and live, and
   * so do the signature lists. The state copies have their own objects and details but
   * share the originals' Date objects, which are read-only values: assigning a date on
   * a copy changes nothing, mutating a shared Date in place would. The copy keeps the
   * subclass's prototype and its own enumerable fields; JavaScript `#private` fields cannot be copied this way, so a
   * subclass that keeps state in them must override `copy` (or use ordinary fields).
   */
  copy(): this {
    const prototype = Object.getPrototypeOf(this) as object;
    // Hooks get a copy per hook, so the common case is written out field by field
    // (one hidden class, no generic property walk); subclasses take the generic path
    // unless they copy their own fields with `copyContextFields`, as the Orion ones do.
    if (prototype === OrchestrationContext.prototype) return new ContextCopy(this) as this;
    const copy = Object.assign(Object.create(prototype) as this, this);
    copy.initialState = safeCopy(this.initialState);
    copy.proposedState = safeCopy(this.proposedState);
    copy.validatedState = safeCopy(this.validatedState);
    copy.parameters = { ...this.parameters };
    return copy;
  }

  /** What a before hook receives: copies of (initial, proposed, context). */
  entryContext(): [initial: State | null, proposed: State | null, context: this] {
    const copy = this.copy();
    return [copy.initialState, copy.proposedState, copy];
  }

  /** What an after or cleanup hook receives: copies of (initial, validated, context). */
  exitContext(): [initial: State | null, validated: State | null, context: this] {
    const copy = this.copy();
    return [copy.initialState, copy.validatedState, copy];
  }
}

/**
 * `new ContextCopy(context)`: what `copy` returns for an exact `OrchestrationContext`.
 * A constructor whose prototype is `OrchestrationContext.prototype`, so the copy is an
 * `OrchestrationContext` in every respect (prototype, `instanceof`, `constructor`), but
 * V8 allocates it with its fields in place and one hidden class, which is cheaper than
 * adding them one by one to `Object.create(prototype)`; hooks get a copy per hook.
 */
const ContextCopy = function ContextCopy(
  this: OrchestrationContext<any>,
  source: OrchestrationContext<any>,
) {
  copyContextFields(source, this);
} as unknown as new (source: OrchestrationContext<any>) => OrchestrationContext<any>;
ContextCopy.prototype = OrchestrationContext.prototype;

/** A hook's copy of a state: its own object and details, the original's Dates. */
function safeCopy(state: State | null): State | null {
  return state === null ? null : copyStateForHook(state);
}

/**
 * Writes the fields `OrchestrationContext` declares from `source` into `target` (a
 * fresh object with the right prototype), in declaration order, as `copy` does: the
 * states and the parameters are copied, everything else is shared. Returns `target`.
 * For subclasses that override `copy` to write their own fields after these.
 */
export function copyContextFields<C extends OrchestrationContext<any>>(source: C, target: C): C {
  const copy = target as {
    -readonly [K in keyof OrchestrationContext<any>]: OrchestrationContext<any>[K];
  };
  copy.run = source.run as unknown;
  copy.initialState = safeCopy(source.initialState);
  copy.proposedState = safeCopy(source.proposedState);
  copy.validatedState = safeCopy(source.validatedState);
  copy.responseStatus = source.responseStatus;
  copy.responseDetails = source.responseDetails;
  copy.orchestrationError = source.orchestrationError;
  copy.parameters = { ...source.parameters };
  copy.ruleSignature = source.ruleSignature;
  copy.finalizationSignature = source.finalizationSignature;
  copy.clock = source.clock;
  copy.random = source.random;
  return target;
}
