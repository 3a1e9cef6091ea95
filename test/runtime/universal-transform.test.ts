/**
 * UniversalTransform: its firing rules (scenario 14 comes from Prefect's orchestration
 * tests): before and after fire once whatever happens to the transition, after is
 * skipped once an orchestration error is recorded, transforms get the real context,
 * and a transform listed among a policy's rules keeps transform semantics.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  ANY_STATE,
  createState,
  orchestrate,
  StateType,
  UniversalTransform,
  type State,
} from '../../src/index.ts';
import {
  FakeStore,
  JournalRule,
  JournalTransform,
  testContext,
  type TestContext,
} from './support/test-context.ts';
import { ALL_PAIRS, otherType } from './support/universe.ts';

const UNIVERSE_SET = ALL_ORCHESTRATION_STATES;
const { PENDING, RUNNING } = StateType;

class Bookkeeper extends JournalTransform {
  override async beforeTransition(context: TestContext): Promise<void> {
    await super.beforeTransition(context);
    context.journal.push(`Bookkeeper saw nullified=${this.nullifiedTransition()}`);
  }
}

class Delayer extends JournalRule {
  static override FROM_STATES = UNIVERSE_SET;
  static override TO_STATES = UNIVERSE_SET;

  override async beforeTransition(i: State | null, p: State | null, c: TestContext): Promise<void> {
    await super.beforeTransition(i, p, c);
    this.delayTransition(10, 'wait');
  }
}

class Raiser extends JournalRule {
  static override FROM_STATES = UNIVERSE_SET;
  static override TO_STATES = UNIVERSE_SET;

  override async beforeTransition(): Promise<void> {
    throw new Error('raised');
  }
}

describe(UniversalTransform.name, () => {
  it('governs every transition of every state set by default', () => {
    expect(UniversalTransform.FROM_STATES).toBe(ANY_STATE);
    expect(UniversalTransform.TO_STATES).toBe(ANY_STATE);
    expect(Bookkeeper.FROM_STATES.has('A_CUSTOM_STATE')).toBe(true);
    expect(Bookkeeper.TO_STATES.has(null)).toBe(true);
  });

  it.each(ALL_PAIRS)(
    'fires before and after once even when the initial state changes inside it, for %s → %s',
    async (from, to) => {
      const context = testContext(from, to);
      const transform = new Bookkeeper(context, from, to);
      await transform.enter();
      context.initialState = createState(otherType(from));
      await transform.exit();
      expect(context.journal).toEqual([
        'Bookkeeper.before',
        `Bookkeeper saw nullified=${to === null}`,
        'Bookkeeper.after',
      ]);
      expect(context.ruleSignature).toEqual(['Bookkeeper']);
      expect(context.finalizationSignature).toEqual(['Bookkeeper']);
    },
  );

  it.each(ALL_PAIRS)(
    'fires before and after once on a nullified transition, for %s → %s',
    async (from, to) => {
      const context = testContext(from, to);
      const result = await orchestrate({
        context,
        rules: [Delayer],
        transforms: [Bookkeeper],
        commit: new FakeStore().commit,
      });
      expect(context.journal).toEqual([
        'Delayer.before',
        'Bookkeeper.before',
        'Bookkeeper saw nullified=true',
        'commit',
        'Bookkeeper.after',
        'Delayer.after',
      ]);
      expect(result.status).toBe('WAIT');
    },
  );

  it.each(ALL_PAIRS)(
    'skips after once an orchestration error is recorded, for %s → %s',
    async (from, to) => {
      const context = testContext(from, to);
      await expect(
        orchestrate({
          context,
          rules: [Raiser],
          transforms: [Bookkeeper],
          commit: new FakeStore().commit,
        }),
      ).rejects.toThrow('raised');
      // The raising rule fizzles (cleanup) unless its intended proposal was null already.
      const raiserExit = to === null ? 'Raiser.after' : 'Raiser.cleanup';
      expect(context.journal).toEqual([
        'Bookkeeper.before',
        'Bookkeeper saw nullified=true',
        'commit',
        raiserExit,
      ]);
      expect(context.ruleSignature).toEqual(['Bookkeeper']);
      expect(context.finalizationSignature).toEqual(to === null ? ['Raiser'] : []);
      expect(context.instance(Bookkeeper).exceptionInTransition()).toBe(true);
    },
  );

  it('signs both signatures without a microtask when it overrides no hook', () => {
    class Quiet extends UniversalTransform<TestContext> {}
    const context = testContext(PENDING, RUNNING);
    const transform = new Quiet(context, PENDING, RUNNING);
    expect(transform.enter()).toBeUndefined();
    expect(transform.exit()).toBeUndefined();
    expect(context.ruleSignature).toEqual(['Quiet']);
    expect(context.finalizationSignature).toEqual(['Quiet']);
  });

  it('receives the real context: its writes reach the run and the proposed state', async () => {
    class Writer extends UniversalTransform<TestContext> {
      override async beforeTransition(context: TestContext): Promise<void> {
        if (this.nullifiedTransition()) return;
        context.run.sideEffects = 42;
        context.proposedState!.stateDetails.flowRunId = context.run.id;
      }
    }
    const context = testContext(PENDING, RUNNING);
    const result = await orchestrate({
      context,
      rules: [],
      transforms: [Writer],
      commit: new FakeStore().commit,
    });
    expect(context.run.sideEffects).toBe(42);
    expect(result.state?.stateDetails.flowRunId).toBe('run-1');
  });

  it('records the intended transition it was built for', () => {
    const context = testContext(PENDING, RUNNING);
    const transform = new Bookkeeper(context, PENDING, RUNNING);
    expect([transform.fromType, transform.toType]).toEqual([PENDING, RUNNING]);
  });

  it('does not catch an error from its own before hook', async () => {
    class Broken extends JournalTransform {
      override async beforeTransition(): Promise<void> {
        throw new Error('transform failed');
      }
    }
    const context = testContext(PENDING, RUNNING);
    await expect(new Broken(context, PENDING, RUNNING).enter()).rejects.toThrow('transform failed');
    expect(context.orchestrationError).toBeNull();
    expect(context.responseStatus).toBe('ACCEPT');
    expect(context.ruleSignature).toEqual([]);
  });

  describe('listed among a policy rules', () => {
    it.each(ALL_PAIRS)(
      'fires inside a rule that rejects, and outside it, for %s → %s',
      async (from, to) => {
        class Rejector extends JournalRule {
          static override FROM_STATES = UNIVERSE_SET;
          static override TO_STATES = UNIVERSE_SET;

          override async beforeTransition(
            i: State | null,
            p: State | null,
            c: TestContext,
          ): Promise<void> {
            await super.beforeTransition(i, p, c);
            this.rejectTransition(createState(otherType(to)), 'other');
          }
        }
        class Outermost extends JournalTransform {}
        const context = testContext(from, to);
        await orchestrate({
          context,
          rules: [Outermost, Rejector, Bookkeeper],
          commit: new FakeStore().commit,
        });
        expect(context.journal).toEqual([
          'Outermost.before',
          'Rejector.before',
          'Bookkeeper.before',
          'Bookkeeper saw nullified=false',
          'commit',
          'Bookkeeper.after',
          'Rejector.after',
          'Outermost.after',
        ]);
        expect(context.finalizationSignature).toEqual(['Bookkeeper', 'Rejector', 'Outermost']);
      },
    );

    it('never runs a cleanup', async () => {
      class WithCleanup extends JournalTransform {
        cleanup(): void {
          throw new Error('a transform has no cleanup');
        }
      }
      const context = testContext(PENDING, RUNNING);
      await orchestrate({
        context,
        rules: [WithCleanup, Delayer],
        commit: new FakeStore().commit,
      });
      expect(context.journal).toEqual([
        'WithCleanup.before',
        'Delayer.before',
        'commit',
        'Delayer.after',
        'WithCleanup.after',
      ]);
      expect(context.proposedStateType).toBe(null);
      expect(context.initialStateType).toBe(PENDING);
    });
  });
});
