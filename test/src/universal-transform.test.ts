/**
 * UniversalTransform: the firing rules of a universal transform (Prefect's
 * `BaseUniversalTransform`): before and after fire once whatever happens to the
 * transition, after is skipped once an orchestration error is recorded, transforms get
 * the real context, and a transform listed among a policy's rules keeps transform
 * semantics. Written with the testing kit: `enterNest` builds and enters the nest,
 * `HookRecorder` lists the hooks that ran, and the instances answer for themselves.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  ANY_STATE,
  createState,
  OrchestrationRule,
  StateType,
  UniversalTransform,
  type RuleClass,
} from '../../src/index.ts';
import { enterNest, HookRecorder } from '../../src/testing/index.ts';
import { FakeStore, testContext, type TestContext } from './support/test-context.ts';
import { ALL_PAIRS, otherType } from './support/universe.ts';

const UNIVERSE_SET = ALL_ORCHESTRATION_STATES;
const { PENDING, RUNNING } = StateType;

/** Notes at entry whether the transition was nullified. */
class Bookkeeper extends UniversalTransform<TestContext> {
  sawNullified: boolean | null = null;
  override async beforeTransition(): Promise<void> {
    this.sawNullified = this.nullifiedTransition();
  }
}

class Delayer extends OrchestrationRule<TestContext> {
  static override FROM_STATES = UNIVERSE_SET;
  static override TO_STATES = UNIVERSE_SET;
  override async beforeTransition(): Promise<void> {
    this.delayTransition(10, 'wait');
  }
}

class Raiser extends OrchestrationRule<TestContext> {
  static override FROM_STATES = UNIVERSE_SET;
  static override TO_STATES = UNIVERSE_SET;
  override async beforeTransition(): Promise<void> {
    throw new Error('raised');
  }
}

/**
 * Enters `rules` then `transforms` on `context`, validates through a `FakeStore` and
 * exits, leaving a recorded orchestration error on the context (a bare nest).
 */
async function runNest(
  context: TestContext,
  rules: readonly RuleClass<TestContext>[],
  transforms: readonly RuleClass<TestContext>[] = [],
) {
  const recorder = new HookRecorder();
  const nest = await enterNest({
    context,
    rules,
    transforms,
    recorder,
    orchestrationError: 'record',
  });
  await nest.validate(new FakeStore().commit);
  await nest.exit();
  return { hooks: recorder.names(), nest };
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
      const recorder = new HookRecorder();
      const nest = await enterNest({ context, transforms: [Bookkeeper], recorder });
      context.initialState = createState(otherType(from));
      await nest.exit();
      expect(recorder.names()).toEqual([
        'Bookkeeper.beforeTransition',
        'Bookkeeper.afterTransition',
      ]);
      expect(nest.instance(Bookkeeper).sawNullified).toBe(to === null);
      expect(context.ruleSignature).toEqual(['Bookkeeper']);
      expect(context.finalizationSignature).toEqual(['Bookkeeper']);
    },
  );

  it.each(ALL_PAIRS)(
    'fires before and after once on a nullified transition, for %s → %s',
    async (from, to) => {
      const { hooks, nest } = await runNest(testContext(from, to), [Delayer], [Bookkeeper]);
      expect(hooks).toEqual([
        'Delayer.beforeTransition',
        'Bookkeeper.beforeTransition',
        'validate',
        'Bookkeeper.afterTransition',
        'Delayer.afterTransition',
      ]);
      expect(nest.instance(Bookkeeper).sawNullified).toBe(true);
      expect(nest.result().status).toBe('WAIT');
    },
  );

  it.each(ALL_PAIRS)(
    'skips after once an orchestration error is recorded, for %s → %s',
    async (from, to) => {
      const context = testContext(from, to);
      const { hooks, nest } = await runNest(context, [Raiser], [Bookkeeper]);
      // The raising rule fizzles (cleanup) unless its intended proposal was null already.
      const raiserExit = to === null ? 'Raiser.afterTransition' : 'Raiser.cleanup';
      expect(hooks).toEqual([
        'Raiser.beforeTransition',
        'Bookkeeper.beforeTransition',
        'validate',
        raiserExit,
      ]);
      expect(nest.instance(Bookkeeper).sawNullified).toBe(true);
      expect(context.orchestrationError).toEqual(new Error('raised'));
      expect(context.ruleSignature).toEqual(['Bookkeeper']);
      expect(context.finalizationSignature).toEqual(to === null ? ['Raiser'] : []);
      expect(nest.instance(Bookkeeper).exceptionInTransition()).toBe(true);
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
    const { nest } = await runNest(context, [], [Writer]);
    expect(context.run.sideEffects).toBe(42);
    expect(nest.result().state?.stateDetails.flowRunId).toBe('run-1');
  });

  it('records the intended transition it was built for', () => {
    const context = testContext(PENDING, RUNNING);
    const transform = new Bookkeeper(context, PENDING, RUNNING);
    expect([transform.fromType, transform.toType]).toEqual([PENDING, RUNNING]);
  });

  it('does not catch an error from its own before hook', async () => {
    class Broken extends UniversalTransform<TestContext> {
      override async beforeTransition(): Promise<void> {
        throw new Error('transform failed');
      }
    }
    const context = testContext(PENDING, RUNNING);
    await expect(enterNest({ context, transforms: [Broken] })).rejects.toThrow('transform failed');
    expect(context.orchestrationError).toBeNull();
    expect(context.responseStatus).toBe('ACCEPT');
    expect(context.ruleSignature).toEqual([]);
  });

  describe('listed among a policy rules', () => {
    it.each(ALL_PAIRS)(
      'fires inside a rule that rejects, and outside it, for %s → %s',
      async (from, to) => {
        class Rejector extends OrchestrationRule<TestContext> {
          static override FROM_STATES = UNIVERSE_SET;
          static override TO_STATES = UNIVERSE_SET;
          override async beforeTransition(): Promise<void> {
            this.rejectTransition(createState(otherType(to)), 'other');
          }
        }
        class Outermost extends UniversalTransform<TestContext> {}
        const context = testContext(from, to);
        const { hooks, nest } = await runNest(context, [Outermost, Rejector, Bookkeeper]);
        expect(hooks).toEqual([
          'Outermost.beforeTransition',
          'Rejector.beforeTransition',
          'Bookkeeper.beforeTransition',
          'validate',
          'Bookkeeper.afterTransition',
          'Rejector.afterTransition',
          'Outermost.afterTransition',
        ]);
        expect(nest.instance(Bookkeeper).sawNullified).toBe(false);
        expect(context.finalizationSignature).toEqual(['Bookkeeper', 'Rejector', 'Outermost']);
      },
    );

    it('never runs a cleanup', async () => {
      class WithCleanup extends UniversalTransform<TestContext> {
        cleanup(): void {
          throw new Error('a transform has no cleanup');
        }
      }
      const context = testContext(PENDING, RUNNING);
      const { hooks } = await runNest(context, [WithCleanup, Delayer]);
      expect(hooks).toEqual([
        'WithCleanup.beforeTransition',
        'Delayer.beforeTransition',
        'validate',
        'Delayer.afterTransition',
        'WithCleanup.afterTransition',
      ]);
      expect(context.proposedStateType).toBe(null);
      expect(context.initialStateType).toBe(PENDING);
    });
  });
});
