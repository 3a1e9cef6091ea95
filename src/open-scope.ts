/**
 * `openScope`: the scope `orchestrate` enters and exits for one rule or transform class
 * on the generic path, where code cannot be generated per class (class-entry.ts); the
 * generated entries do the same work (generated-entry.ts).
 *
 * A class that overrides none of its hooks can do nothing but sign the context's
 * signatures, so it is not instantiated: a lightweight scope of one shared shape keeps
 * the exact bookkeeping instead (validity at entry, fizzle at exit, signatures), which
 * spares the construction of a per-class object on every transition. Every other class
 * is constructed as usual, `new Rule(context, from, to)`.
 */
import type { OrchestrationContext } from './orchestration-context.ts';
import { OrchestrationRule } from './orchestration-rule.ts';
import type { RuleClass, TransitionScope } from './rule-class.ts';
import type { StateName } from './state-type.ts';
import { UniversalTransform } from './universal-transform.ts';

/** How `orchestrate` opens a class's scope, decided once per class. */
const Shape = { Constructed: 0, HooklessRule: 1, HooklessTransform: 2 } as const;
type Shape = (typeof Shape)[keyof typeof Shape];

const shapes = new WeakMap<RuleClass, Shape>();

/** The scope to enter for `Rule` on the intended transition `(from, to)`. */
export function openScope<C extends OrchestrationContext<any>>(
  Rule: RuleClass<C>,
  context: C,
  from: StateName | null,
  to: StateName | null,
): TransitionScope {
  let shape = shapes.get(Rule);
  if (shape === undefined) {
    shape = shapeOf(Rule);
    shapes.set(Rule, shape);
  }
  if (shape === Shape.HooklessRule) return new HooklessRuleScope(Rule, context, from, to);
  if (shape === Shape.HooklessTransform) return new HooklessTransformScope(Rule, context);
  return new Rule(context, from, to);
}

const RULE_METHODS = [
  'beforeTransition',
  'afterTransition',
  'cleanup',
  'enter',
  'exit',
  'invalid',
  'fizzled',
] as const;
// `exceptionInTransition` too: the hookless scope inlines it, so a class that
// overrides it must be constructed for its own `exit` to call it.
const TRANSFORM_METHODS = [
  'beforeTransition',
  'afterTransition',
  'enter',
  'exit',
  'exceptionInTransition',
] as const;

function shapeOf(Rule: RuleClass): Shape {
  const proto = Rule.prototype as Record<string, unknown>;
  const inherits = (base: Record<string, unknown>, names: readonly string[]): boolean =>
    names.every((name) => proto[name] === base[name]);
  if (proto instanceof OrchestrationRule) {
    const base = OrchestrationRule.prototype as unknown as Record<string, unknown>;
    if (inherits(base, RULE_METHODS)) return Shape.HooklessRule;
  } else if (proto instanceof UniversalTransform) {
    const base = UniversalTransform.prototype as unknown as Record<string, unknown>;
    if (inherits(base, TRANSFORM_METHODS)) return Shape.HooklessTransform;
  }
  return Shape.Constructed;
}

/** `OrchestrationRule.enter`/`exit`, specialised for a rule without hooks. */
class HooklessRuleScope implements TransitionScope {
  declare private readonly rule: RuleClass;
  declare private readonly context: OrchestrationContext<any>;
  declare private readonly from: StateName | null;
  declare private readonly to: StateName | null;
  declare private invalidOnEntry: boolean;

  constructor(
    rule: RuleClass,
    context: OrchestrationContext<any>,
    from: StateName | null,
    to: StateName | null,
  ) {
    this.rule = rule;
    this.context = context;
    this.from = from;
    this.to = to;
    this.invalidOnEntry = true;
  }

  enter(): void {
    // Without hooks the rule cannot mutate, so its transition never leaves FROM/TO
    // after entry: the entry decision is the whole validity question.
    const rule = this.rule;
    this.invalidOnEntry =
      !rule.FROM_STATES.has(this.from) || !rule.TO_STATES.has(this.to) || this.transitionChanged();
    if (!this.invalidOnEntry) this.context.ruleSignature.push(rule.name);
  }

  exit(): void {
    // A fizzled rule would run cleanup, which it does not have.
    if (!this.invalidOnEntry && !this.transitionChanged()) {
      this.context.finalizationSignature.push(this.rule.name);
    }
  }

  private transitionChanged(): boolean {
    const context = this.context;
    return this.from !== context.initialStateType || this.to !== context.proposedStateType;
  }
}

/** `UniversalTransform.enter`/`exit`, specialised for a transform without hooks. */
class HooklessTransformScope implements TransitionScope {
  declare private readonly transform: RuleClass;
  declare private readonly context: OrchestrationContext<any>;

  constructor(transform: RuleClass, context: OrchestrationContext<any>) {
    this.transform = transform;
    this.context = context;
  }

  enter(): void {
    this.context.ruleSignature.push(this.transform.name);
  }

  exit(): void {
    if (this.context.orchestrationError === null) {
      this.context.finalizationSignature.push(this.transform.name);
    }
  }
}
