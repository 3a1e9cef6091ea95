/** State sets: NO_STATES (a rule's default) and ANY_STATE (a transform's default). */
import { describe, expect, it } from 'vitest';
import { ALL_ORCHESTRATION_STATES, ANY_STATE, isAnyState, NO_STATES } from '../../src/index.ts';

describe('NO_STATES', () => {
  it('contains nothing, not even null', () => {
    expect(NO_STATES.size).toBe(0);
    expect(NO_STATES.has(null)).toBe(false);
    expect(NO_STATES.has('RUNNING')).toBe(false);
  });
});

describe('ANY_STATE', () => {
  it('contains every state of every state set, and null', () => {
    for (const state of [...ALL_ORCHESTRATION_STATES, 'QUEUED', 'any custom name'])
      expect(ANY_STATE.has(state)).toBe(true);
  });

  it('enumerates nothing, so listings and error checks see no members', () => {
    expect([...ANY_STATE]).toEqual([]);
    expect([...ANY_STATE.keys()]).toEqual([]);
    expect([...ANY_STATE.values()]).toEqual([]);
    expect([...ANY_STATE.entries()]).toEqual([]);
    let visited = 0;
    ANY_STATE.forEach(() => visited++);
    expect(visited).toBe(0);
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the point: ANY_STATE's own toString names it
    expect(String(ANY_STATE)).toBe('ANY_STATE');
    expect(Object.isFrozen(ANY_STATE)).toBe(true);
  });
});

describe(isAnyState.name, () => {
  it('recognises ANY_STATE only', () => {
    expect(isAnyState(ANY_STATE)).toBe(true);
    expect(isAnyState(ALL_ORCHESTRATION_STATES)).toBe(false);
    expect(isAnyState(NO_STATES)).toBe(false);
  });
});
