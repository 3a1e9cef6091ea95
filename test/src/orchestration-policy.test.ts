/**
 * OrchestrationPolicy: priority lists, state sets and compileTransitionRules, Prefect's
 * dynamic filter (scenario 15 comes from Prefect's orchestration tests), which the
 * compiler's matrices must equal cell for cell.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  OrchestrationPolicy,
  OrchestrationRule,
  STATE_TYPES,
  StateType,
  TERMINAL_STATES,
  UniversalTransform,
  type RuleClass,
  type StateName,
  type StateSet,
} from '../../src/index.ts';
import { ALL_PAIRS, UNIVERSE } from './support/universe.ts';

const { SCHEDULED, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, CRASHED, PAUSED, CANCELLING } =
  StateType;

class AnyToRunning extends OrchestrationRule {
  static override FROM_STATES = ALL_ORCHESTRATION_STATES;
  static override TO_STATES = new Set([RUNNING]);
}
class PendingToAny extends OrchestrationRule {
  static override FROM_STATES = new Set([PENDING]);
  static override TO_STATES = ALL_ORCHESTRATION_STATES;
}
class ScheduledOrPendingToRunning extends OrchestrationRule {
  static override FROM_STATES = new Set([SCHEDULED, PENDING]);
  static override TO_STATES = new Set([RUNNING]);
}
class NoFrom extends OrchestrationRule {
  static override FROM_STATES = new Set<StateName | null>();
  static override TO_STATES = ALL_ORCHESTRATION_STATES;
}
class NoTo extends OrchestrationRule {
  static override FROM_STATES = ALL_ORCHESTRATION_STATES;
  static override TO_STATES = new Set<StateName | null>();
}
class Bookkeeping extends UniversalTransform {}

/** Computed sets, the way real policies build them. */
function statesExcept(...excluded: (StateName | null)[]): StateSet {
  return new Set([...ALL_ORCHESTRATION_STATES].filter((state) => !excluded.includes(state)));
}
class FromTerminalOrNull extends OrchestrationRule {
  static override FROM_STATES = new Set([...TERMINAL_STATES, null]);
  static override TO_STATES = statesExcept(CANCELLED);
}
class BaseRule extends OrchestrationRule {
  static override FROM_STATES = new Set([PAUSED]);
  static override TO_STATES = new Set([RUNNING, null]);
}
class InheritsSets extends BaseRule {}

class Ordered extends OrchestrationPolicy {
  static override priority(): RuleClass[] {
    return [AnyToRunning, PendingToAny, ScheduledOrPendingToRunning];
  }
}
class SameOrder extends OrchestrationPolicy {
  static override priority(): RuleClass[] {
    return [AnyToRunning, PendingToAny, ScheduledOrPendingToRunning];
  }
}
class Reordered extends OrchestrationPolicy {
  static override priority(): RuleClass[] {
    return [ScheduledOrPendingToRunning, PendingToAny, AnyToRunning];
  }
}

const label = (state: StateName | null) => state ?? 'null';

describe(OrchestrationPolicy.name, () => {
  describe('compileTransitionRules (scenario 15)', () => {
    it('compiles the same rule list in the same order to equal lists, for every pair', () => {
      for (const [from, to] of ALL_PAIRS) {
        expect(SameOrder.compileTransitionRules(from, to), `${label(from)} → ${label(to)}`).toEqual(
          Ordered.compileTransitionRules(from, to),
        );
      }
    });

    it('compiles different orders to unequal lists', () => {
      expect(Ordered.compileTransitionRules(PENDING, RUNNING)).toEqual([
        AnyToRunning,
        PendingToAny,
        ScheduledOrPendingToRunning,
      ]);
      expect(Reordered.compileTransitionRules(PENDING, RUNNING)).toEqual([
        ScheduledOrPendingToRunning,
        PendingToAny,
        AnyToRunning,
      ]);
      expect(Reordered.compileTransitionRules(PENDING, RUNNING)).not.toEqual(
        Ordered.compileTransitionRules(PENDING, RUNNING),
      );
    });

    it('returns only the applicable rules, in priority order, for every pair', () => {
      const expected = (from: StateName | null, to: StateName | null): RuleClass[] => [
        ...(to === RUNNING ? [AnyToRunning] : []),
        ...(from === PENDING ? [PendingToAny] : []),
        ...((from === SCHEDULED || from === PENDING) && to === RUNNING
          ? [ScheduledOrPendingToRunning]
          : []),
      ];
      for (const [from, to] of ALL_PAIRS) {
        expect(Ordered.compileTransitionRules(from, to), `${label(from)} → ${label(to)}`).toEqual(
          expected(from, to),
        );
      }
    });

    it('drops rules with an empty FROM or TO set', () => {
      class WithEmpty extends OrchestrationPolicy {
        static override priority(): RuleClass[] {
          return [NoFrom, AnyToRunning, NoTo];
        }
      }
      for (const [from, to] of ALL_PAIRS) {
        const rules = WithEmpty.compileTransitionRules(from, to);
        expect(rules, `${label(from)} → ${label(to)}`).toEqual(
          to === RUNNING ? [AnyToRunning] : [],
        );
      }
    });

    it('follows computed FROM and TO sets (spreads, differences, helper functions)', () => {
      class Computed extends OrchestrationPolicy {
        static override priority(): RuleClass[] {
          return [FromTerminalOrNull];
        }
      }
      for (const [from, to] of ALL_PAIRS) {
        const applies = (from === null || TERMINAL_STATES.has(from)) && to !== CANCELLED;
        expect(Computed.compileTransitionRules(from, to), `${label(from)} → ${label(to)}`).toEqual(
          applies ? [FromTerminalOrNull] : [],
        );
      }
    });

    it('uses FROM and TO sets inherited from a base class', () => {
      class Inheriting extends OrchestrationPolicy {
        static override priority(): RuleClass[] {
          return [InheritsSets];
        }
      }
      expect(InheritsSets.FROM_STATES).toBe(BaseRule.FROM_STATES);
      for (const [from, to] of ALL_PAIRS) {
        const applies = from === PAUSED && (to === RUNNING || to === null);
        expect(
          Inheriting.compileTransitionRules(from, to),
          `${label(from)} → ${label(to)}`,
        ).toEqual(applies ? [InheritsSets] : []);
      }
    });

    it('keeps a rule listed twice at both positions', () => {
      class Twice extends OrchestrationPolicy {
        static override priority(): RuleClass[] {
          return [AnyToRunning, PendingToAny, AnyToRunning];
        }
      }
      expect(Twice.compileTransitionRules(PENDING, RUNNING)).toEqual([
        AnyToRunning,
        PendingToAny,
        AnyToRunning,
      ]);
      expect(Twice.compileTransitionRules(FAILED, RUNNING)).toEqual([AnyToRunning, AnyToRunning]);
      expect(Twice.compileTransitionRules(FAILED, COMPLETED)).toEqual([]);
    });

    it('puts a universal transform in every cell, at its priority position', () => {
      class WithTransform extends OrchestrationPolicy {
        static override priority(): RuleClass[] {
          return [PendingToAny, Bookkeeping];
        }
      }
      for (const [from, to] of ALL_PAIRS) {
        expect(
          WithTransform.compileTransitionRules(from, to),
          `${label(from)} → ${label(to)}`,
        ).toEqual(from === PENDING ? [PendingToAny, Bookkeeping] : [Bookkeeping]);
      }
    });

    it('compiles nothing for a policy without rules, and (null, null) by default', () => {
      class Empty extends OrchestrationPolicy {}
      expect(Empty.priority()).toEqual([]);
      expect(Empty.compileTransitionRules(PENDING, RUNNING)).toEqual([]);
      class NullToNull extends OrchestrationPolicy {
        static override priority(): RuleClass[] {
          return [AnyToRunning, FromTerminalOrNull];
        }
      }
      expect(NullToNull.compileTransitionRules()).toEqual([FromTerminalOrNull]);
    });

    it('returns a fresh array each time, so callers cannot corrupt the next lookup', () => {
      const first = Ordered.compileTransitionRules(PENDING, RUNNING);
      first.length = 0;
      expect(Ordered.compileTransitionRules(PENDING, RUNNING)).toHaveLength(3);
    });

    it('throws a TypeError naming the state and the policy for an unknown state', () => {
      const expected =
        'Unknown state "BOGUS" for policy Ordered: expected one of SCHEDULED, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, CRASHED, PAUSED, CANCELLING or null.';
      expect(() => Ordered.compileTransitionRules('BOGUS', RUNNING)).toThrow(
        new TypeError(expected),
      );
      expect(() => Ordered.compileTransitionRules(RUNNING, 'BOGUS')).toThrow(
        new TypeError(expected),
      );
      expect(() => Ordered.compileTransitionRules(undefined as unknown as null, 'running')).toThrow(
        new TypeError(
          'Unknown state "running" for policy Ordered: expected one of SCHEDULED, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, CRASHED, PAUSED, CANCELLING or null.',
        ),
      );
    });
  });

  describe('state sets', () => {
    class QueueRule extends OrchestrationRule {
      static override FROM_STATES = new Set(['QUEUED', null]);
      static override TO_STATES = new Set(['ACTIVE']);
    }
    class ReferenceRule extends OrchestrationRule {
      static override FROM_STATES = new Set([PENDING]);
      static override TO_STATES = new Set([RUNNING]);
    }
    class QueuePolicy extends OrchestrationPolicy {
      static override STATES = ['QUEUED', 'ACTIVE', 'DONE'];
      static override priority(): RuleClass[] {
        return [QueueRule, ReferenceRule, Bookkeeping];
      }
    }
    const queueUniverse = ['QUEUED', 'ACTIVE', 'DONE', null];

    it('defaults to the nine reference types, with null last in the universe', () => {
      expect(Ordered.stateTypes()).toEqual(STATE_TYPES);
      expect(Ordered.universe()).toEqual(UNIVERSE);
    });

    it('uses a declared STATES list, in its order, with null added', () => {
      expect(QueuePolicy.stateTypes()).toEqual(['QUEUED', 'ACTIVE', 'DONE']);
      expect(QueuePolicy.universe()).toEqual(queueUniverse);
    });

    it('compiles custom states, with universal transforms in every cell', () => {
      for (const from of queueUniverse) {
        for (const to of queueUniverse) {
          const applies = (from === 'QUEUED' || from === null) && to === 'ACTIVE';
          expect(
            QueuePolicy.compileTransitionRules(from, to),
            `${label(from)} → ${label(to)}`,
          ).toEqual(applies ? [QueueRule, Bookkeeping] : [Bookkeeping]);
        }
      }
    });

    it('rejects a reference type that is not in its STATES', () => {
      expect(() => QueuePolicy.compileTransitionRules(PENDING, RUNNING)).toThrow(
        new TypeError(
          'Unknown state "PENDING" for policy QueuePolicy: expected one of QUEUED, ACTIVE, DONE or null.',
        ),
      );
    });

    it('inherits STATES from a base policy', () => {
      class Derived extends QueuePolicy {}
      expect(Derived.universe()).toEqual(queueUniverse);
      expect(Derived.compileTransitionRules('QUEUED', 'ACTIVE')).toEqual([QueueRule, Bookkeeping]);
    });

    it('handles a large state set', () => {
      const states = Array.from({ length: 300 }, (_, i) => `S${i}`);
      class Large extends OrchestrationPolicy {
        static override STATES = states;
        static override priority(): RuleClass[] {
          return [Bookkeeping];
        }
      }
      expect(Large.universe()).toHaveLength(301);
      expect(Large.compileTransitionRules('S299', 'S0')).toEqual([Bookkeeping]);
      expect(() => Large.compileTransitionRules('S300', null)).toThrow(TypeError);
    });

    it.each([
      [['A', 'A'], 'Bad.STATES lists "A" twice: each state must appear once.'],
      [
        ['A', ''],
        'Bad.STATES must hold non-empty strings, got "": "no state" (null) is always part of the universe and is not listed.',
      ],
      [
        ['A', null],
        'Bad.STATES must hold non-empty strings, got null: "no state" (null) is always part of the universe and is not listed.',
      ],
      ['ABC', 'Bad.STATES must be an array of state names, got ABC.'],
    ] as const)('rejects STATES = %j with a clear TypeError', (states, message) => {
      class Bad extends OrchestrationPolicy {
        static override STATES = states as unknown as string[];
      }
      expect(() => Bad.universe()).toThrow(new TypeError(message));
      expect(() => Bad.stateTypes()).toThrow(new TypeError(message));
      expect(() => Bad.compileTransitionRules(null, null)).toThrow(new TypeError(message));
    });

    it('sees a STATES list replaced after first use', () => {
      class Mutable extends OrchestrationPolicy {
        static override STATES: string[] = ['A'];
      }
      expect(Mutable.universe()).toEqual(['A', null]);
      Mutable.STATES = ['B'];
      expect(Mutable.universe()).toEqual(['B', null]);
      expect(() => Mutable.compileTransitionRules('A', null)).toThrow(TypeError);
    });
  });

  it('references every reference type in the default universe', () => {
    expect(new Set(Ordered.universe())).toEqual(
      new Set([
        SCHEDULED,
        PENDING,
        RUNNING,
        COMPLETED,
        FAILED,
        CANCELLED,
        CRASHED,
        PAUSED,
        CANCELLING,
        null,
      ]),
    );
  });
});
