/**
 * defineCompiledPolicy and the CompiledPolicy it builds: the runtime shape of a
 * generated module. Lookups must equal the dynamic
 * filter for every cell, unknown states must fail with the policy's TypeError, and
 * malformed input must be refused when the module loads, not on the hot path.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  defineCompiledPolicy,
  OrchestrationPolicy,
  OrchestrationRule,
  STATE_TYPES,
  StateType,
  throwUnknownState,
  UniversalTransform,
  type CompiledPolicy,
  type RuleClass,
} from '../../src/index.ts';
import { compileInMemory } from './support/compile-in-memory.ts';
import { ALL_PAIRS, UNIVERSE } from './support/universe.ts';

const { PENDING, RUNNING, COMPLETED } = StateType;

class ToRunning extends OrchestrationRule {
  static override FROM_STATES = ALL_ORCHESTRATION_STATES;
  static override TO_STATES = new Set([RUNNING]);
}
class FromPending extends OrchestrationRule {
  static override FROM_STATES = new Set([PENDING]);
  static override TO_STATES = ALL_ORCHESTRATION_STATES;
}
class Everywhere extends UniversalTransform {}

class Sample extends OrchestrationPolicy {
  static override priority(): RuleClass[] {
    return [ToRunning, FromPending, Everywhere];
  }
}
class Custom extends OrchestrationPolicy {
  static override STATES = ['QUEUED', 'ACTIVE'];
  static override priority(): RuleClass[] {
    return [Everywhere];
  }
}

const REFERENCE_ERROR =
  'expected one of SCHEDULED, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, CRASHED, PAUSED, CANCELLING or null.';

describe(defineCompiledPolicy.name, () => {
  describe.each(['map', 'switch'] as const)('with a %s state indexer', (indexer) => {
    const compiled = compileInMemory(Sample, { indexer });

    it('names the policy and lists its universe, null last', () => {
      expect(compiled.name).toBe('Sample');
      expect(compiled.states).toEqual(UNIVERSE);
      expect(UNIVERSE.map((state) => compiled.code(state))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it('equals the dynamic filter for every cell, by codes and by state types', () => {
      for (const [from, to] of ALL_PAIRS) {
        const expected = Sample.compileTransitionRules(from, to);
        const where = `${from ?? 'null'} → ${to ?? 'null'}`;
        expect(compiled.rules(from, to), where).toEqual(expected);
        expect(compiled.at(compiled.code(from), compiled.code(to)), where).toEqual(expected);
        expect(
          compiled.cells[compiled.code(from) * UNIVERSE.length + compiled.code(to)],
          where,
        ).toEqual(expected);
      }
    });

    it('throws a TypeError naming the state and the policy for an unknown state', () => {
      const message = `Unknown state "BOGUS" for policy Sample: ${REFERENCE_ERROR}`;
      expect(() => compiled.code('BOGUS')).toThrow(new TypeError(message));
      expect(() => compiled.rules('BOGUS', RUNNING)).toThrow(new TypeError(message));
      expect(() => compiled.rules(RUNNING, 'BOGUS')).toThrow(new TypeError(message));
      expect(() => compiled.code(undefined as unknown as null)).toThrow(
        new TypeError(`Unknown state undefined for policy Sample: ${REFERENCE_ERROR}`),
      );
    });
  });

  const compiled = compileInMemory(Sample);

  it('returns frozen cells, one shared array per distinct cell', () => {
    expect(Object.isFrozen(compiled)).toBe(true);
    expect(Object.isFrozen(compiled.cells)).toBe(true);
    expect(Object.isFrozen(compiled.states)).toBe(true);
    for (const cell of compiled.cells) expect(Object.isFrozen(cell)).toBe(true);
    expect(compiled.rules(COMPLETED, COMPLETED)).toBe(compiled.rules(null, null));
    expect(new Set(compiled.cells).size).toBe(4);
  });

  it('freezes unfrozen cells it is given, keeping shared cells shared', () => {
    const shared: RuleClass[] = [Everywhere];
    const policy = defineCompiledPolicy({
      name: 'Loose',
      states: ['A', null],
      cells: [shared, shared, [], shared],
    });
    expect(Object.isFrozen(policy.at(0, 0))).toBe(true);
    expect(policy.at(0, 0)).toBe(policy.at(1, 1));
    expect(policy.at(1, 0)).toEqual([]);
    shared.push(ToRunning);
    expect(policy.at(0, 0)).toEqual([Everywhere]);
  });

  it('indexes a custom state set', () => {
    const custom = compileInMemory(Custom);
    expect(custom.states).toEqual(['QUEUED', 'ACTIVE', null]);
    expect(custom.rules('ACTIVE', null)).toEqual([Everywhere]);
    expect(() => custom.rules(PENDING, RUNNING)).toThrow(
      new TypeError(
        'Unknown state "PENDING" for policy Custom: expected one of QUEUED, ACTIVE or null.',
      ),
    );
  });

  it.each([
    [-1, 0],
    [0, 10],
    [10, 0],
    [0.5, 0],
    [Number.NaN, 1],
  ])('refuses the out-of-range codes (%s, %s) with a RangeError', (from, to) => {
    expect(() => compiled.at(from, to)).toThrow(
      new RangeError(
        `Transition codes (${from}, ${to}) are out of range for policy Sample: expected integers in [0, 10).`,
      ),
    );
  });

  describe('refuses malformed parts when the module loads', () => {
    const cells = (n: number) => Array.from({ length: n }, () => []);

    it('a cell table of the wrong size', () => {
      expect(() =>
        defineCompiledPolicy({ name: 'P', states: ['A', null], cells: cells(3) }),
      ).toThrow(
        new TypeError(
          'Compiled policy P has 3 cells; expected 4 (2 states including null, squared). Regenerate the module.',
        ),
      );
    });

    it('states that do not end with null', () => {
      expect(() =>
        defineCompiledPolicy({ name: 'P', states: ['A', 'B'], cells: cells(4) }),
      ).toThrow(
        new TypeError('Compiled policy P: states must end with null (the "no state" member).'),
      );
      expect(() => defineCompiledPolicy({ name: 'P', states: [], cells: [] })).toThrow(
        new TypeError('Compiled policy P: states must end with null (the "no state" member).'),
      );
    });

    it('a state listed twice, or an empty or null state before the end', () => {
      expect(() =>
        defineCompiledPolicy({ name: 'P', states: ['A', 'A', null], cells: cells(9) }),
      ).toThrow(new TypeError('Compiled policy P: state "A" is listed twice.'));
      expect(() =>
        defineCompiledPolicy({ name: 'P', states: ['', null], cells: cells(4) }),
      ).toThrow(
        new TypeError(
          'Compiled policy P: states must be non-empty strings before the final null, got "".',
        ),
      );
      expect(() =>
        defineCompiledPolicy({ name: 'P', states: [null, null], cells: cells(4) }),
      ).toThrow(
        new TypeError(
          'Compiled policy P: states must be non-empty strings before the final null, got null.',
        ),
      );
    });

    it('a state indexer that disagrees with the state list', () => {
      expect(() =>
        defineCompiledPolicy({
          name: 'P',
          states: ['A', 'B', null],
          code: (s) => (s === 'A' ? 1 : s === 'B' ? 0 : 2),
          cells: cells(9),
        }),
      ).toThrow(
        new TypeError(
          'Compiled policy P: code("A") is 1, expected 0 (its index in states). Regenerate the module.',
        ),
      );
    });
  });

  describe('its state type', () => {
    const parts = () => ({
      name: 'Document',
      states: ['draft', 'published', null] as const,
      cells: Array.from({ length: 9 }, () => [Everywhere]),
    });
    const unknown = new TypeError(
      'Unknown state "drafts" for policy Document: expected one of draft, published or null.',
    );

    it('is string unless given, even for a literal state list, so any state compiles and unknown ones throw', () => {
      const loose: CompiledPolicy = defineCompiledPolicy(parts());
      const state: string = 'drafts';
      expect(() => loose.rules(state, null)).toThrow(unknown);
      expect(() => defineCompiledPolicy(parts()).code('drafts')).toThrow(unknown);
    });

    it('when given, rejects misspelt states at compile time and still throws at run time', () => {
      const typed = defineCompiledPolicy<'draft' | 'published'>(parts());
      expect(typed.rules('draft', 'published')).toEqual([Everywhere]);
      // @ts-expect-error: "drafts" is not a state of the policy.
      expect(() => typed.rules('drafts', null)).toThrow(unknown);
      // @ts-expect-error: "drafts" is not a state of the policy.
      expect(() => typed.code('drafts')).toThrow(unknown);
    });

    it('is assignable to the string-typed CompiledPolicy', () => {
      const typed: CompiledPolicy<'draft' | 'published'> = defineCompiledPolicy<
        'draft' | 'published'
      >(parts());
      const policies: readonly CompiledPolicy[] = [typed];
      expect(policies[0]?.code('published')).toBe(1);
    });
  });

  it('accepts the reference universe of 256 custom states', () => {
    const states = [...Array.from({ length: 256 }, (_, i) => `S${i}`), null];
    const policy = defineCompiledPolicy({
      name: 'Big',
      states,
      cells: Array.from({ length: 257 * 257 }, () => []),
    });
    expect(policy.code('S255')).toBe(255);
    expect(policy.code(null)).toBe(256);
    expect(policy.rules('S0', null)).toEqual([]);
  });
});

describe(throwUnknownState.name, () => {
  it('throws the TypeError of unknownStateError, leaving null out of the listed states', () => {
    expect(() => throwUnknownState('P', 'X', [...STATE_TYPES, null])).toThrow(
      new TypeError(`Unknown state "X" for policy P: ${REFERENCE_ERROR}`),
    );
  });
});
