/** State types: order, the terminal set and the universe. */
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  isTerminal,
  STATE_TYPES,
  StateType,
  TERMINAL_STATES,
} from '../../src/index.ts';

describe('StateType', () => {
  it('lists the nine reference types in declaration order, values equal to names', () => {
    expect(STATE_TYPES).toEqual([
      'SCHEDULED',
      'PENDING',
      'RUNNING',
      'COMPLETED',
      'FAILED',
      'CANCELLED',
      'CRASHED',
      'PAUSED',
      'CANCELLING',
    ]);
    for (const [key, value] of Object.entries(StateType)) expect(value).toBe(key);
    expect(Object.isFrozen(STATE_TYPES)).toBe(true);
  });

  it('has COMPLETED, FAILED, CANCELLED and CRASHED as the terminal set', () => {
    expect([...TERMINAL_STATES]).toEqual(['COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED']);
  });

  it('has a universe of the nine types plus null', () => {
    expect(ALL_ORCHESTRATION_STATES.size).toBe(10);
    expect([...ALL_ORCHESTRATION_STATES]).toEqual([...STATE_TYPES, null]);
  });
});

describe(isTerminal.name, () => {
  it.each([
    ['COMPLETED', true],
    ['FAILED', true],
    ['CANCELLED', true],
    ['CRASHED', true],
    ['PAUSED', false],
    ['CANCELLING', false],
    ['RUNNING', false],
    ['SCHEDULED', false],
    ['PENDING', false],
    [null, false],
    [undefined, false],
    ['completed', false],
  ] as const)('says %s is terminal: %s', (type, terminal) => {
    expect(isTerminal(type)).toBe(terminal);
  });
});
