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
 *
 * `S` is the policy's state type union: a generated module exports it (`<Policy>State`)
 * and passes it here, so a misspelt state in `code` or `rules` is a compile error. It
 * defaults to `string` (any `StateName`), which every compiled policy is assignable to;
 * unknown states that reach `code` or `rules` anyway still throw at run time.
 */
export interface CompiledPolicy<S extends StateName = StateName> {
  /** The policy's class name. */
  readonly name: string;
  /** The universe in index order: the state types, then `null`. */
  readonly states: readonly (S | null)[];
  /** The code of a state type (or `null`); throws a `TypeError` for an unknown state. */
  code(state: S | null): number;
  /** The rules for a transition given by codes from `code`. */
  at(fromCode: number, toCode: number): readonly RuleClass[];
  /** The rules for a transition given by state types; throws a `TypeError` for an unknown state. */
  rules(from: S | null, to: S | null): readonly RuleClass[];
  /** The flat, frozen cell table. */
  readonly cells: readonly (readonly RuleClass[])[];
}

/** What a generated module hands to `defineCompiledPolicy`, for the state union `S`. */
export interface CompiledPolicyParts<S extends StateName = StateName> {
  name: string;
  /** The state types in index order, then `null` (exactly once, last). */
  states: readonly (S | null)[];
  /**
   * The state indexer: `states[code(s)] === s` for every member, and a `TypeError`
   * (see `throwUnknownState`) for anything else. Generated modules pass a perfect hash;
   * when omitted, a `Map` lookup over `states` is used.
   */
  code?: (state: S | null) => number;
  /** `states.length ** 2` rule arrays, row-major: `cells[from * states.length + to]`. */
  cells: readonly (readonly RuleClass[])[];
}

/**
 * Builds the frozen `CompiledPolicy` of a generated module. Generated code calls this
 * once at import; lookups then cost an index computation and one array read.
 *
 * Checks its input once, here, so that the hot path needs no checks: `states` must be
 * distinct non-empty strings followed by one `null`, `code` must agree with `states`,
 * and there must be one cell per pair. Each violation is a `TypeError` naming the
 * policy. Cells are frozen (shared cells stay shared).
 *
 * The state type `S` is never inferred from `parts` (a literal state list would
 * otherwise narrow it): it is `string` unless given, as generated modules do with
 * `defineCompiledPolicy<<Policy>State>(…)`.
 */
export function defineCompiledPolicy<S extends StateName = StateName>(
  parts: CompiledPolicyParts<NoInfer<S>>,
): CompiledPolicy<S> {
  const { name } = parts;
  const states: readonly (S | null)[] = Object.freeze([...parts.states]);
  assertStateList(name, states);
  const size = states.length;
  const code: (state: S | null) => number = parts.code ?? mapIndexer(name, states);
  states.forEach((state, index) => {
    const got = code(state);
    if (got !== index) {
      throw new TypeError(
        `Compiled policy ${name}: code(${state === null ? 'null' : JSON.stringify(state)}) is ${got}, expected ${index} (its index in states). Regenerate the module.`,
      );
    }
  });
  if (parts.cells.length !== size * size) {
    throw new TypeError(
      `Compiled policy ${name} has ${parts.cells.length} cells; expected ${size * size} (${size} states including null, squared). Regenerate the module.`,
    );
  }
  const frozen = new Map<readonly RuleClass[], readonly RuleClass[]>();
  const cellList = parts.cells.map((cell) => {
    let copy = frozen.get(cell);
    if (copy === undefined) {
      copy = Object.isFrozen(cell) ? cell : Object.freeze([...cell]);
      frozen.set(cell, copy);
    }
    return copy;
  });
  const cells =
    Object.isFrozen(parts.cells) && cellList.every((cell, i) => cell === parts.cells[i])
      ? parts.cells
      : Object.freeze(cellList);
  // V8 (Node 20) loads elements of frozen arrays several times slower than those of
  // ordinary arrays, so lookups read a private, never-exposed copy of the frozen table.
  const table = cells.slice();
  // Small enough to be inlined into hot loops: the throw lives in a separate function.
  const at = (fromCode: number, toCode: number): readonly RuleClass[] =>
    // `x >>> 0 === x` holds exactly for integers in [0, 2^32): one check per code.
    fromCode >>> 0 === fromCode && toCode >>> 0 === toCode && fromCode < size && toCode < size
      ? table[fromCode * size + toCode]!
      : throwCodesOutOfRange(name, size, fromCode, toCode);
  return Object.freeze({
    name,
    states,
    code,
    at,
    rules: (from: S | null, to: S | null) => at(code(from), code(to)),
    cells,
  });
}

function assertStateList(policy: string, states: readonly (StateName | null)[]): void {
  if (states.length === 0 || states[states.length - 1] !== null) {
    throw new TypeError(
      `Compiled policy ${policy}: states must end with null (the "no state" member).`,
    );
  }
  const seen = new Set<StateName>();
  for (const state of states.slice(0, -1)) {
    if (typeof state !== 'string' || state === '') {
      throw new TypeError(
        `Compiled policy ${policy}: states must be non-empty strings before the final null, got ${String(state === '' ? '""' : state)}.`,
      );
    }
    if (seen.has(state)) {
      throw new TypeError(
        `Compiled policy ${policy}: state ${JSON.stringify(state)} is listed twice.`,
      );
    }
    seen.add(state);
  }
}

function mapIndexer(
  policy: string,
  states: readonly (StateName | null)[],
): (state: StateName | null) => number {
  const index = new Map(states.map((state, i) => [state, i]));
  return (state) => index.get(state) ?? throwUnknownState(policy, state, states);
}

/** Throws the `TypeError` for a state outside a compiled policy's universe. */
export function throwUnknownState(
  policy: string,
  state: unknown,
  states: readonly (StateName | null)[],
): never {
  throw unknownStateError(
    policy,
    state,
    states.filter((s): s is StateName => s !== null),
  );
}

/** The `RangeError` of `at` for codes that are not integers in `[0, size)`. */
function throwCodesOutOfRange(name: string, size: number, fromCode: number, toCode: number): never {
  throw new RangeError(
    `Transition codes (${fromCode}, ${toCode}) are out of range for policy ${name}: expected integers in [0, ${size}).`,
  );
}
