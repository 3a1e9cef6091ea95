import type { RuleClass } from './rule-class.ts';
import { STATE_TYPES, type StateName } from './state-type.ts';
import { unknownStateError } from './unknown-state-error.ts';

/**
 * A policy (Prefect's `BaseOrchestrationPolicy`): an ordered list of rules and
 * transforms, in priority order. Subclasses override `static priority()` and may
 * declare their own state set in `static STATES` (default: the nine reference types).
 *
 * `compileTransitionRules(from, to)` is Prefect's dynamic filter and the reference
 * that the compiler's matrices are checked against for every cell.
 */
export abstract class OrchestrationPolicy {
  /** The policy's state set, in index order; `null` is always added to its universe. */
  static STATES: readonly StateName[] | undefined = undefined;

  /** The rules and transforms, in priority order. */
  static priority(): readonly RuleClass[] {
    return [];
  }

  /**
   * The policy's state types: `STATES`, or the reference set. Throws a `TypeError`
   * when `STATES` is not a list of distinct non-empty strings.
   */
  static stateTypes(this: PolicyClass): readonly StateName[] {
    return policyStates(this);
  }

  /** The policy's universe: its state types then `null`, the matrix's index order. */
  static universe(this: PolicyClass): readonly (StateName | null)[] {
    return [...policyStates(this), null];
  }

  /**
   * The rules of `priority()` whose FROM set contains `from` and whose TO set contains
   * `to`, in priority order (a new array each call). Throws a `TypeError` naming the
   * state and the policy when either is not in the policy's universe, or when the
   * policy's `STATES` is malformed.
   */
  static compileTransitionRules(
    this: PolicyClass,
    from: StateName | null = null,
    to: StateName | null = null,
  ): RuleClass[] {
    const states = memo(this).set;
    assertInUniverse(this, states, from);
    assertInUniverse(this, states, to);
    const rules: RuleClass[] = [];
    for (const rule of this.priority()) {
      if (rule.FROM_STATES.has(from) && rule.TO_STATES.has(to)) rules.push(rule);
    }
    return rules;
  }
}

/** A policy class: what `OrchestrationPolicy` subclasses look like from the outside. */
export interface PolicyClass {
  readonly name: string;
  readonly STATES?: readonly StateName[] | undefined;
  priority(): readonly RuleClass[];
  compileTransitionRules(from?: StateName | null, to?: StateName | null): RuleClass[];
}

const statesCache = new WeakMap<
  PolicyClass,
  { list: readonly StateName[]; set: ReadonlySet<StateName> }
>();

function policyStates(policy: PolicyClass): readonly StateName[] {
  return memo(policy).list;
}

function memo(policy: PolicyClass): { list: readonly StateName[]; set: ReadonlySet<StateName> } {
  const declared = policy.STATES ?? STATE_TYPES;
  let entry = statesCache.get(policy);
  if (entry === undefined || entry.list !== declared) {
    entry = { list: declared, set: checkedStates(policy.name, declared) };
    statesCache.set(policy, entry);
  }
  return entry;
}

/** The set of `STATES`, after checking that they are distinct non-empty strings. */
function checkedStates(policy: string, states: readonly StateName[]): ReadonlySet<StateName> {
  if (!Array.isArray(states)) {
    throw new TypeError(`${policy}.STATES must be an array of state names, got ${String(states)}.`);
  }
  const set = new Set<StateName>();
  for (const state of states) {
    if (typeof state !== 'string' || state === '') {
      throw new TypeError(
        `${policy}.STATES must hold non-empty strings, got ${state === '' ? '""' : String(state)}: ` +
          '"no state" (null) is always part of the universe and is not listed.',
      );
    }
    if (set.has(state)) {
      throw new TypeError(
        `${policy}.STATES lists ${JSON.stringify(state)} twice: each state must appear once.`,
      );
    }
    set.add(state);
  }
  return set;
}

function assertInUniverse(
  policy: PolicyClass,
  states: ReadonlySet<StateName>,
  state: StateName | null,
): void {
  if (state !== null && !states.has(state)) {
    throw unknownStateError(policy.name, state, memo(policy).list);
  }
}
