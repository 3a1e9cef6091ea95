/**
 * transitionRules: one lookup over either rule source, a generated CompiledPolicy or a
 * policy class's dynamic filter; both must answer (and fail) alike.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  OrchestrationPolicy,
  OrchestrationRule,
  StateType,
  transitionRules,
  UniversalTransform,
  type RuleClass,
} from '../../src/index.ts';
import { compileInMemory } from './support/compile-in-memory.ts';
import { ALL_PAIRS } from './support/universe.ts';

class IntoTerminal extends OrchestrationRule {
  static override FROM_STATES = ALL_ORCHESTRATION_STATES;
  static override TO_STATES = new Set([StateType.COMPLETED, StateType.FAILED]);
}
class Everywhere extends UniversalTransform {}
class Lookup extends OrchestrationPolicy {
  static override priority(): RuleClass[] {
    return [IntoTerminal, Everywhere];
  }
}

describe(transitionRules.name, () => {
  const compiled = compileInMemory(Lookup);

  it('gives the same rules from a CompiledPolicy and from the policy class, for every pair', () => {
    for (const [from, to] of ALL_PAIRS) {
      const where = `${from ?? 'null'} → ${to ?? 'null'}`;
      const dynamic = transitionRules(Lookup, from, to);
      expect(transitionRules(compiled, from, to), where).toEqual(dynamic);
      expect(dynamic, where).toEqual(
        to === StateType.COMPLETED || to === StateType.FAILED
          ? [IntoTerminal, Everywhere]
          : [Everywhere],
      );
    }
  });

  it('returns the frozen matrix cell itself for a CompiledPolicy', () => {
    expect(transitionRules(compiled, StateType.RUNNING, StateType.COMPLETED)).toBe(
      compiled.rules(StateType.RUNNING, StateType.COMPLETED),
    );
  });

  it('fails the same way from both sources for an unknown state', () => {
    const message =
      'Unknown state "DONE" for policy Lookup: expected one of SCHEDULED, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, CRASHED, PAUSED, CANCELLING or null.';
    expect(() => transitionRules(Lookup, 'DONE', null)).toThrow(new TypeError(message));
    expect(() => transitionRules(compiled, 'DONE', null)).toThrow(new TypeError(message));
  });
});
