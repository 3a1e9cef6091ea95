/** testEnvironment: states and contexts on a manual clock and a seeded random source. */
import { describe, expect, it } from 'vitest';
import { OrchestrationContext, Running, StateType } from '../../../src/index.ts';
import { testEnvironment } from '../../../src/testing/index.ts';

const { PENDING, RUNNING, SCHEDULED } = StateType;

describe(testEnvironment.name, () => {
  it('gives the same ids and times to two environments built with the same options', () => {
    const a = testEnvironment({ seed: 3 });
    const b = testEnvironment({ seed: 3 });
    expect(a.state(RUNNING)).toEqual(b.state(RUNNING));
    expect(a.state(RUNNING).id).not.toBe(testEnvironment({ seed: 4 }).state(RUNNING).id);
  });

  it('stamps states with the manual clock, which moves only when told to', () => {
    const env = testEnvironment({ now: '2024-05-01T00:00:00.000Z' });
    expect(env.state(PENDING).timestamp).toEqual(new Date('2024-05-01T00:00:00.000Z'));
    env.clock.advance(90);
    expect(env.state(PENDING).timestamp).toEqual(new Date('2024-05-01T00:01:30.000Z'));
    expect(Running({}, env.env).timestamp).toEqual(new Date('2024-05-01T00:01:30.000Z'));
  });

  it('builds a context from types, states or null, with the run, parameters and state fields given', () => {
    const env = testEnvironment();
    const scheduled = env.state(SCHEDULED);
    const context = env.context(scheduled, PENDING, {
      run: { id: 'r1' },
      parameters: { retries: 2 },
      proposed: { name: 'Waiting', message: 'queued' },
    });
    expect(context).toBeInstanceOf(OrchestrationContext);
    expect(context.initialState).toBe(scheduled);
    expect(context.proposedState).toMatchObject({
      type: PENDING,
      name: 'Waiting',
      message: 'queued',
    });
    expect(context.run).toEqual({ id: 'r1' });
    expect(context.parameters).toEqual({ retries: 2 });
    expect(context.clock).toBe(env.clock);
    expect(context.random).toBe(env.random);
    expect(env.context(null, null).initialState).toBeNull();
  });
});
