/**
 * OrchestrationContext: its defaults, and the copies hooks
 * receive: states and parameters copied, the run and signatures shared, the subclass
 * kept.
 */
import { describe, expect, it } from 'vitest';
import {
  createState,
  ManualClock,
  OrchestrationContext,
  seededRandom,
  StateType,
  systemClock,
  systemRandom,
} from '../../src/index.ts';

const NOW = '2023-02-01T12:00:00.000Z';

function context(parameters: Record<string, unknown> = {}) {
  const clock = new ManualClock(NOW);
  const random = seededRandom(11);
  return new OrchestrationContext({
    run: { id: 'run', runCount: 0 },
    initialState: createState(StateType.PENDING, {}, { clock, random }),
    proposedState: createState(StateType.RUNNING, {}, { clock, random }),
    parameters,
    clock,
    random,
  });
}

describe(OrchestrationContext.name, () => {
  it('starts with no validated state, ACCEPT, accept details, no error and empty signatures', () => {
    const ctx = context();
    expect(ctx.validatedState).toBeNull();
    expect(ctx.responseStatus).toBe('ACCEPT');
    expect(ctx.responseDetails).toEqual({ type: 'accept_details' });
    expect(ctx.orchestrationError).toBeNull();
    expect(ctx.ruleSignature).toEqual([]);
    expect(ctx.finalizationSignature).toEqual([]);
  });

  it('reports the types of its states, null for no state', () => {
    const ctx = context();
    expect([ctx.initialStateType, ctx.proposedStateType, ctx.validatedStateType]).toEqual([
      'PENDING',
      'RUNNING',
      null,
    ]);
    ctx.initialState = null;
    ctx.validatedState = createState(StateType.COMPLETED);
    expect([ctx.initialStateType, ctx.validatedStateType]).toEqual([null, 'COMPLETED']);
  });

  it('copies the caller-seeded parameters', () => {
    const seeded = { 'api-version': '0.8.4' };
    const ctx = context(seeded);
    ctx.parameters.extra = true;
    expect(seeded).toEqual({ 'api-version': '0.8.4' });
    expect(
      new OrchestrationContext({ run: null, initialState: null, proposedState: null }).parameters,
    ).toEqual({});
  });

  it('reads now from its clock, and defaults to the system clock and random source', () => {
    const ctx = context();
    expect(ctx.now()).toEqual(new Date(NOW));
    const plain = new OrchestrationContext({ run: null, initialState: null, proposedState: null });
    expect(plain.clock).toBe(systemClock);
    expect(plain.random).toBe(systemRandom);
  });

  describe('copy', () => {
    it('copies states and parameters, and shares the run, signatures, clock and random source', () => {
      const ctx = context({ key: 'value' });
      ctx.validatedState = createState(StateType.RUNNING);
      const copy = ctx.copy();
      expect(copy.initialState).toEqual(ctx.initialState);
      expect(copy.initialState).not.toBe(ctx.initialState);
      expect(copy.proposedState).not.toBe(ctx.proposedState);
      expect(copy.validatedState).not.toBe(ctx.validatedState);
      expect(copy.parameters).toEqual(ctx.parameters);
      expect(copy.parameters).not.toBe(ctx.parameters);
      expect(copy.run).toBe(ctx.run);
      expect(copy.ruleSignature).toBe(ctx.ruleSignature);
      expect(copy.clock).toBe(ctx.clock);
      expect(copy.random).toBe(ctx.random);
    });

    it("shares the states' Date objects, read-only values, and copies the states and details around them", () => {
      const ctx = context();
      ctx.proposedState = createState(StateType.SCHEDULED, {
        stateDetails: {
          cacheExpiration: new Date('2023-03-01T00:00:00.000Z'),
          pauseTimeout: new Date('2023-03-02T00:00:00.000Z'),
        },
      });
      const real = ctx.proposedState;
      const copy = ctx.copy().proposedState!;
      expect(copy).toEqual(real);
      expect(copy).not.toBe(real);
      expect(copy.stateDetails).not.toBe(real.stateDetails);
      expect(copy.timestamp).toBe(real.timestamp);
      expect(copy.stateDetails.scheduledTime).toBe(real.stateDetails.scheduledTime);
      expect(copy.stateDetails.cacheExpiration).toBe(real.stateDetails.cacheExpiration);
      expect(copy.stateDetails.pauseTimeout).toBe(real.stateDetails.pauseTimeout);
      // Assigning a date on the copy still changes nothing.
      copy.timestamp = new Date(0);
      copy.stateDetails.scheduledTime = null;
      expect(real.timestamp).not.toEqual(new Date(0));
      expect(real.stateDetails.scheduledTime).not.toBeNull();
    });

    it('is unaffected by assignments on the original, and the original by assignments on it', () => {
      const ctx = context();
      const copy = ctx.copy();
      copy.proposedState!.type = StateType.FAILED;
      copy.initialState = null;
      copy.responseStatus = 'ABORT';
      copy.parameters.x = 1;
      expect(ctx.proposedStateType).toBe('RUNNING');
      expect(ctx.initialStateType).toBe('PENDING');
      expect(ctx.responseStatus).toBe('ACCEPT');
      expect(ctx.parameters).toEqual({});
    });

    it('keeps the subclass and its ordinary fields', () => {
      class FlowContext extends OrchestrationContext<{ id: string }> {
        store = { name: 'store' };
        flowRun(): { id: string } {
          return this.run;
        }
      }
      const ctx = new FlowContext({ run: { id: 'flow' }, initialState: null, proposedState: null });
      const copy = ctx.copy();
      expect(copy).toBeInstanceOf(FlowContext);
      expect(copy.flowRun()).toBe(ctx.run);
      expect(copy.store).toBe(ctx.store);
    });
  });

  it('hands before hooks copies of (initial, proposed, context), and after hooks (initial, validated, context)', () => {
    const ctx = context();
    ctx.validatedState = createState(StateType.RUNNING);
    const [initial, proposed, entry] = ctx.entryContext();
    expect(initial).toEqual(ctx.initialState);
    expect(proposed).toEqual(ctx.proposedState);
    expect(entry.initialState).toBe(initial);
    expect(entry.proposedState).toBe(proposed);
    const [exitInitial, validated, exit] = ctx.exitContext();
    expect(exitInitial).toEqual(ctx.initialState);
    expect(validated).toEqual(ctx.validatedState);
    expect(validated).not.toBe(ctx.validatedState);
    expect(exit.validatedState).toBe(validated);
  });
});
