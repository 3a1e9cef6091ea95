/**
 * The perfect-hash planner behind generated state indexers: collision-free for every
 * state set, deterministic, and falling back to a Map only when no few character
 * positions tell the names apart.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hashSlot,
  MAX_POSITIONS,
  planStateHash,
  type StateHashPlan,
} from '../../codegen/emit/state-hash-plan.ts';

const REFERENCE = [
  'SCHEDULED',
  'PENDING',
  'RUNNING',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'CRASHED',
  'PAUSED',
  'CANCELLING',
];

function slots(plan: StateHashPlan, states: readonly string[]): number[] {
  if (plan.kind !== 'hash') throw new Error(`expected a hash plan, got ${plan.kind}`);
  return states.map((state) => hashSlot(plan, state));
}

describe(planStateHash.name, () => {
  it('hashes the reference states into a 16-slot table reading one character', () => {
    const plan = planStateHash(REFERENCE);
    expect(plan).toMatchObject({ kind: 'hash', bits: 4 });
    expect(plan.kind === 'hash' && plan.positions.length).toBe(1);
    expect(new Set(slots(plan, REFERENCE)).size).toBe(REFERENCE.length);
  });

  it('needs no hash for zero or one state', () => {
    expect(planStateHash([])).toEqual({ kind: 'empty' });
    expect(planStateHash(['only'])).toEqual({ kind: 'single' });
  });

  it('is deterministic', () => {
    const states = Array.from({ length: 100 }, (_, i) => `STATE_${i}`);
    expect(planStateHash(states)).toEqual(planStateHash([...states]));
  });

  it('tells apart equal-length names that differ in one character', () => {
    const states = ['xAy', 'xBy', 'xCy', 'AAy', 'xAA'];
    expect(new Set(slots(planStateHash(states), states)).size).toBe(states.length);
  });

  it('guards positions some names are too short for', () => {
    const states = ['a', 'xaay', 'xbay', 'xcay'];
    const plan = planStateHash(states);
    expect(plan.kind === 'hash' && plan.positions.some((p) => p.guard)).toBe(true);
    expect(new Set(slots(plan, states)).size).toBe(states.length);
  });

  it(`falls back to a Map when more than ${MAX_POSITIONS} positions would be needed`, () => {
    const lookalikes = Array.from(
      { length: 12 },
      (_, i) => `${'a'.repeat(i)}b${'a'.repeat(11 - i)}`,
    );
    expect(planStateHash(lookalikes)).toEqual({ kind: 'map' });
  });

  it('is collision-free for any set of 2 to 300 distinct names', () => {
    const name = fc.string({
      minLength: 1,
      maxLength: 12,
      unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    });
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 2, maxLength: 300 }), (states) => {
        const plan = planStateHash(states);
        if (plan.kind === 'map') return;
        expect(plan.kind).toBe('hash');
        expect(new Set(slots(plan, states)).size).toBe(states.length);
        expect(plan.kind === 'hash' && 2 ** plan.bits).toBeLessThanOrEqual(2 ** 16);
      }),
      { numRuns: 60 },
    );
  });
});
