import { isAbandoned } from './abandoned-contexts.ts';
import { isPromiseLike } from './maybe-promise.ts';
import type { OrchestrationContext } from './orchestration-context.ts';
import type { TransitionScope } from './rule-class.ts';
import { ANY_STATE, type StateSet } from './state-set.ts';
import type { StateName } from './state-type.ts';

/**
 * A universal transform (Prefect's `BaseUniversalTransform`,
 * docs/orchestration-semantics.md#universal-transforms):
 * privileged, stateless bookkeeping. It ignores validity entirely and has no cleanup:
 *
 * - entry: always calls `beforeTransition(realContext)`, then signs `ruleSignature`;
 *   errors are not caught;
 * - exit: skipped when an orchestration error is recorded; otherwise calls
 *   `afterTransition(realContext)` and signs `finalizationSignature`.
 *
 * FROM/TO default to `ANY_STATE`, so every policy that lists a transform includes it in
 * every cell. Concrete transforms check `nullifiedTransition()` themselves.
 *
 * Encapsulation is by convention, as in `OrchestrationRule`: the `_`-prefixed members
 * are TypeScript-`private` and `@internal`, never JavaScript `#private`, whose private
 * brand makes every construction (one per transition) several times slower.
 */
export abstract class UniversalTransform<
  C extends OrchestrationContext<any> = OrchestrationContext<any>,
> implements TransitionScope {
  static FROM_STATES: StateSet = ANY_STATE;
  static TO_STATES: StateSet = ANY_STATE;

  // Declared, then assigned in the constructor: V8 constructs plain assigned fields
  // several times faster than defined class fields, and a transform is constructed for
  // every transition.
  /** The real context: transforms write to it directly. */
  declare protected readonly context: C;
  declare readonly fromType: StateName | null;
  declare readonly toType: StateName | null;

  constructor(context: C, fromType: StateName | null, toType: StateName | null) {
    this.context = context;
    this.fromType = fromType;
    this.toType = toType;
  }

  // The hooks may be `async` (a returned promise is awaited); a hook that never awaits
  // should be a plain method, which costs no promise.

  /** Runs at entry, on the real context. */
  beforeTransition(_context: C): void | Promise<void> {}

  /** Runs at exit, on the real context, unless an orchestration error is recorded. */
  afterTransition(_context: C): void | Promise<void> {}

  /** True when the proposed state is null at the moment of asking. */
  nullifiedTransition(): boolean {
    return this.context.proposedState === null;
  }

  /** True when a before hook recorded an orchestration error. */
  exceptionInTransition(): boolean {
    return this.context.orchestrationError !== null;
  }

  // `enter` and `exit` are the generic path. `orchestrate` normally runs code
  // generated for each transform class instead (class-entry.ts), which must do exactly
  // what these do; a class that overrides `enter`, `exit` or `exceptionInTransition`
  // always takes this path.

  enter(): void | Promise<void> {
    if (this.beforeTransition === UniversalTransform.prototype.beforeTransition) {
      this.context.ruleSignature.push(this.constructor.name);
      return;
    }
    const pending = this.beforeTransition(this.context);
    if (isPromiseLike(pending)) return this._settleBefore(pending);
    this.context.ruleSignature.push(this.constructor.name);
  }

  exit(): void | Promise<void> {
    if (this.exceptionInTransition()) return;
    if (this.afterTransition === UniversalTransform.prototype.afterTransition) {
      this.context.finalizationSignature.push(this.constructor.name);
      return;
    }
    const pending = this.afterTransition(this.context);
    if (isPromiseLike(pending)) return this._settleAfter(pending);
    this.context.finalizationSignature.push(this.constructor.name);
  }

  /**
   * @internal Signs once the before hook's promise fulfils (unless `orchestrateSync`
   * abandoned the context); rejects with its error.
   */
  private _settleBefore(pending: PromiseLike<unknown>): Promise<void> {
    return Promise.resolve(pending).then(() => {
      if (!isAbandoned(this.context)) this.context.ruleSignature.push(this.constructor.name);
    });
  }

  /** @internal As `_settleBefore`, for the after hook. */
  private _settleAfter(pending: PromiseLike<unknown>): Promise<void> {
    return Promise.resolve(pending).then(() => {
      if (!isAbandoned(this.context)) {
        this.context.finalizationSignature.push(this.constructor.name);
      }
    });
  }
}
