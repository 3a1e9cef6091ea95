/**
 * Prefect-port policies that run the *real* Orion rules: for each rule of a real policy
 * class, a `PrefectRule` (or `PrefectUniversalTransform`) subclass with the real FROM/TO
 * sets whose hooks delegate to an instance of the real rule. What the "orion"
 * workload's `prefect-port` case runs: Prefect's machinery (dynamic filter, exit stack,
 * awaited async enter/exit, Prefect's validity checks and safe copies) around this
 * preset's hook logic.
 *
 * The real rule's mutations (reject, delay, abort) update its own recorded `toType`;
 * the adapter copies it into the port's `toStateType` when the before hook ends, which
 * is exactly when Prefect's rule would have updated its own. The delegation costs one
 * extra object per rule and one extra promise per before hook, which the port's figure
 * includes: if anything, the port is a little slower than Prefect's own rules would be.
 */
import {
  type OrchestrationRule,
  UniversalTransform,
  type OrchestrationContext,
  type PolicyClass,
  type RuleClass,
  type State,
} from '../../../src/index.ts';
import { PrefectPolicy, type PrefectPolicyClass } from '../prefect-port/prefect-policy.ts';
import { PrefectRule, type PrefectRuleClass } from '../prefect-port/prefect-rule.ts';
import { PrefectUniversalTransform } from '../prefect-port/prefect-universal-transform.ts';

type Context = OrchestrationContext<any>;

/** One Prefect-port policy per real policy class; a rule shared by several is one adapter. */
export function prefectPortAdapters<C extends Context>(
  policies: readonly PolicyClass[],
): PrefectPolicyClass<C>[] {
  const adapters = new Map<RuleClass, PrefectRuleClass>();
  const adapterOf = (Real: RuleClass): PrefectRuleClass => {
    let Adapter = adapters.get(Real);
    if (Adapter === undefined) {
      Adapter =
        Real.prototype instanceof UniversalTransform ? transformAdapter(Real) : ruleAdapter(Real);
      Object.defineProperty(Adapter, 'name', { value: Real.name });
      adapters.set(Real, Adapter);
    }
    return Adapter;
  };
  return policies.map((policy) => {
    const rules = policy.priority().map(adapterOf);
    const Policy = class extends PrefectPolicy {
      // Prefect's priority() returns a new list on every call.
      static override priority(): readonly PrefectRuleClass[] {
        return [...rules];
      }
    };
    Object.defineProperty(Policy, 'name', { value: `Port${policy.name}` });
    // The adapters accept any context; the caller names the one its loop passes.
    return Policy as unknown as PrefectPolicyClass<C>;
  });
}

function ruleAdapter(Real: RuleClass): PrefectRuleClass {
  return class extends PrefectRule {
    static override FROM_STATES = Real.FROM_STATES;
    static override TO_STATES = Real.TO_STATES;
    declare readonly inner: OrchestrationRule<Context>;

    constructor(context: Context, from: string | null, to: string | null) {
      super(context, from, to);
      this.inner = new Real(context, from, to) as OrchestrationRule<Context>;
    }

    override async beforeTransition(
      initial: State | null,
      proposed: State | null,
      context: Context,
    ): Promise<void> {
      try {
        await this.inner.beforeTransition(initial, proposed, context);
      } finally {
        this.toStateType = this.inner.toType;
      }
    }

    override async afterTransition(
      initial: State | null,
      validated: State | null,
      context: Context,
    ): Promise<void> {
      await this.inner.afterTransition(initial, validated, context);
    }

    override async cleanup(
      initial: State | null,
      validated: State | null,
      context: Context,
    ): Promise<void> {
      await this.inner.cleanup(initial, validated, context);
    }
  };
}

function transformAdapter(Real: RuleClass): PrefectRuleClass {
  return class extends PrefectUniversalTransform {
    static override FROM_STATES = Real.FROM_STATES;
    static override TO_STATES = Real.TO_STATES;
    declare readonly inner: UniversalTransform<Context>;

    constructor(context: Context, from: string | null, to: string | null) {
      super(context, from, to);
      this.inner = new Real(context, from, to) as UniversalTransform<Context>;
    }

    override async beforeTransition(context: Context): Promise<void> {
      await this.inner.beforeTransition(context);
    }

    override async afterTransition(context: Context): Promise<void> {
      await this.inner.afterTransition(context);
    }
  };
}
