import type { RuleClass } from './rule-class.ts';
import type { StateName } from './state-type.ts';
import { unknownStateError } from './unknown-state-error.ts';

/**
 * The runtime shape of a generated policy module: the policy's transition matrix,
 * looked up by constant-time array indexing.
 *
 * Codes are indices into `states` (the policy's state types in order, then `null`);
 * `cells` is the flat row-major table, `cells[from * states.length + to]`, each cell the
 * frozen array of the rules that apply to that transition, in priority order. Equal
 * cells are one shared array.
 */
export interface CompiledPolicy {
  /** The policy's class name. */
  readonly name: string;
  /** The universe in index order: the state types, then `null`. */
  readonly states: readonly (StateName | null)[];
  /** The code of a state type (or `null`); throws a `TypeError` for an unknown state. */
  code(state: StateName | null): number;
  /** The rules for a transition given by codes from `code`. */
  at(fromCode: number, toCode: number): readonly RuleClass[];
  /** The rules for a transition given by state types; throws a `TypeError` for an unknown state. */
  rules(from: StateName | null, to: StateName | null): readonly RuleClass[];
  /** The flat, frozen cell table. */
  readonly cells: readonly (readonly RuleClass[])[];
}

/** What a generated module hands to `defineCompiledPolicy`. */
export interface CompiledPolicyParts {
  name: string;
  states: readonly (StateName | null)[];
  code: (state: StateName | null) => number;
  cells: readonly (readonly RuleClass[])[];
}

/**
 * Builds the frozen `CompiledPolicy` of a generated module. Generated code calls this
 * once at import; lookups then cost an index computation and one array read.
 */
export function defineCompiledPolicy(parts: CompiledPolicyParts): CompiledPolicy {
  const { name, code, cells } = parts;
  const states = Object.freeze([...parts.states]);
  const size = states.length;
  if (cells.length !== size * size) {
    throw new TypeError(`Compiled policy ${name} has ${cells.length} cells; expected ${size * size}.`);
  }
  const at = (fromCode: number, toCode: number): readonly RuleClass[] => {
    const cell = toCode >= 0 && toCode < size ? cells[fromCode * size + toCode] : undefined;
    if (cell === undefined) {
      throw new RangeError(`Transition codes (${fromCode}, ${toCode}) are out of range for policy ${name}.`);
    }
    return cell;
  };
  return Object.freeze({
    name,
    states,
    code,
    at,
    rules: (from: StateName | null, to: StateName | null) => at(code(from), code(to)),
    cells: Object.isFrozen(cells) ? cells : Object.freeze([...cells]),
  });
}

/** Throws the `TypeError` for a state outside a compiled policy's universe. */
export function throwUnknownState(policy: string, state: unknown, states: readonly (StateName | null)[]): never {
  throw unknownStateError(
    policy,
    state,
    states.filter((s): s is StateName => s !== null),
  );
}
