/**
 * orchestrate: the nested loop (enter in priority order, then the transforms, validate
 * innermost, exit in reverse) and its error handling, as in
 * docs/orchestration-semantics.md; the numbered scenarios come from Prefect's
 * orchestration tests, run over the universe where the scenario says so.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  createState,
  orchestrate,
  OrchestrationError,
  SetStateStatus,
  StateType,
  TransitionValidatedError,
  type RuleClass,
  type State,
} from '../../src/index.ts';
import {
  FakeStore,
  JournalRule,
  JournalTransform,
  testContext,
  type TestContext,
} from './support/test-context.ts';
import { ALL_PAIRS, otherType, PAIRS_WITH_PROPOSAL, UNIVERSE } from './support/universe.ts';

const UNIVERSE_SET = ALL_ORCHESTRATION_STATES;
const { PENDING, RUNNING, COMPLETED } = StateType;

/** Runs `rules` and `transforms` for the context through a fake store. */
function run(
  context: TestContext,
  rules: readonly RuleClass<TestContext>[],
  transforms: readonly RuleClass<TestContext>[] = [],
  store = new FakeStore(),
) {
  return orchestrate({ context, rules, transforms, commit: store.commit });
}

class A extends JournalRule {
  static override FROM_STATES = UNIVERSE_SET;
  static override TO_STATES = UNIVERSE_SET;

  override async beforeTransition(i: State | null, p: State | null, c: TestContext): Promise<void> {
    await super.beforeTransition(i, p, c);
    c.run.sideEffects += 1;
  }

  override async cleanup(i: State | null, v: State | null, c: TestContext): Promise<void> {
    await super.cleanup(i, v, c);
    c.run.sideEffects -= 1;
  }
}

class B extends JournalRule {
  static override FROM_STATES = UNIVERSE_SET;
  static override TO_STATES = UNIVERSE_SET;
}

class C extends JournalRule {
  static override FROM_STATES = UNIVERSE_SET;
  static override TO_STATES = UNIVERSE_SET;
}

/** Rejects with a state of a type other than the intended one. */
class M extends JournalRule {
  static override FROM_STATES = UNIVERSE_SET;
  static override TO_STATES = UNIVERSE_SET;

  override async beforeTransition(i: State | null, p: State | null, c: TestContext): Promise<void> {
    await super.beforeTransition(i, p, c);
    this.rejectTransition(
      createState(otherType(this.toType), { name: 'Substitute' }),
      'substituted',
    );
  }
}

class NullRejector extends JournalRule {
  static override FROM_STATES = UNIVERSE_SET;
  static override TO_STATES = UNIVERSE_SET;

  override async beforeTransition(i: State | null, p: State | null, c: TestContext): Promise<void> {
    await super.beforeTransition(i, p, c);
    this.rejectTransition(null, 'keep the current state');
  }
}

class G1 extends JournalTransform {}
class G2 extends JournalTransform {}

describe(orchestrate.name, () => {
  describe('the nest', () => {
    it.each(ALL_PAIRS)(
      'enters rules then transforms, validates, and exits in reverse, for %s → %s',
      async (from, to) => {
        const context = testContext(from, to);
        const store = new FakeStore();
        const result = await run(context, [A, B], [G1, G2], store);
        expect(context.journal).toEqual([
          'A.before',
          'B.before',
          'G1.before',
          'G2.before',
          'commit',
          'G2.after',
          'G1.after',
          'B.after',
          'A.after',
        ]);
        expect(context.ruleSignature).toEqual(['A', 'B', 'G1', 'G2']);
        expect(context.finalizationSignature).toEqual(['G2', 'G1', 'B', 'A']);
        expect(result.status).toBe(SetStateStatus.ACCEPT);
        expect(result.details).toEqual({ type: 'accept_details' });
        if (to === null) {
          expect(store.writes).toEqual([]);
          expect(result.state?.id).toBe(context.initialState?.id);
        } else {
          expect(store.writes.map((state) => state.type)).toEqual([to]);
          expect(result.state?.type).toBe(to);
          expect(result.state?.id).toBe(context.proposedState?.id);
        }
        expect(result.state).toBe(context.validatedState);
      },
    );

    it('runs with no rules and no transforms: validation alone', async () => {
      const context = testContext(PENDING, RUNNING);
      const result = await orchestrate({ context, rules: [], commit: new FakeStore().commit });
      expect(context.journal).toEqual(['commit']);
      expect(result.state?.type).toBe(RUNNING);
      expect(result.status).toBe(SetStateStatus.ACCEPT);
    });

    it('treats a commit that returns undefined as validating nothing', async () => {
      const context = testContext(PENDING, RUNNING);
      const result = await orchestrate({
        context,
        rules: [B],
        commit: () => undefined as unknown as null,
      });
      expect(result.state).toBeNull();
      expect(context.validatedState).toBeNull();
    });

    it('builds every rule for the intended transition, even after an earlier rule changed it', async () => {
      const context = testContext(PENDING, RUNNING);
      await run(context, [M, C]);
      const c = context.instance(C);
      expect(c.fromType).toBe(PENDING);
      expect(c.toType).toBe(RUNNING);
      expect(c.invalid()).toBe(true);
    });
  });

  describe('a nested chain [A, M, C] (scenario 5)', () => {
    it.each(ALL_PAIRS)(
      'fizzles A, keeps M, skips C, nets no side effect, for %s → %s',
      async (from, to) => {
        const context = testContext(from, to);
        const store = new FakeStore();
        const result = await run(context, [A, M, C], [G1], store);
        const substitute = otherType(to);
        expect(context.journal).toEqual([
          'A.before',
          'M.before',
          'G1.before',
          'commit',
          'G1.after',
          'M.after',
          'A.cleanup',
        ]);
        expect(context.run.sideEffects).toBe(0);
        expect(context.instance(A).fizzled()).toBe(true);
        expect(context.instance(A).invalid()).toBe(false);
        expect(context.instance(M).fizzled()).toBe(false);
        expect(context.instance(M).invalid()).toBe(false);
        expect(context.instance(C).invalid()).toBe(true);
        expect(context.instance(C).fizzled()).toBe(false);
        expect(result.status).toBe(SetStateStatus.REJECT);
        expect(result.details).toEqual({ type: 'reject_details', reason: 'substituted' });
        expect(result.state?.type).toBe(substitute);
        expect(result.state?.name).toBe('Substitute');
        expect(store.writes.map((state) => state.type)).toEqual([substitute]);
        expect(context.ruleSignature).toEqual(['A', 'M', 'G1']);
        expect(context.finalizationSignature).toEqual(['G1', 'M']);
      },
    );
  });

  describe('a null reject (scenario 7)', () => {
    it('writes nothing and returns the existing PENDING state with status REJECT', async () => {
      const context = testContext(PENDING, RUNNING);
      const existing = context.run.state;
      const store = new FakeStore();
      const result = await run(context, [NullRejector], [], store);
      expect(context.proposedState).toBeNull();
      expect(store.writes).toEqual([]);
      expect(result.state).toBe(existing);
      expect(result.state?.type).toBe(PENDING);
      expect(result.status).toBe(SetStateStatus.REJECT);
      expect(result.details).toEqual({ type: 'reject_details', reason: 'keep the current state' });
    });
  });

  describe('a null reject of a run with no state (scenario 8)', () => {
    const message =
      'The run has no state, so this transition cannot be rejected without a new state: ' +
      'pass a state to rejectTransition, or abort instead.';

    it.each(UNIVERSE)(
      'records an ABORT and re-throws the OrchestrationError, for null → %s',
      async (to) => {
        const context = testContext(null, to);
        const store = new FakeStore();
        const outcome = run(context, [NullRejector], [G1], store);
        await expect(outcome).rejects.toThrow(new OrchestrationError(message));
        await expect(outcome).rejects.toBeInstanceOf(OrchestrationError);
        await expect(outcome).rejects.toBe(context.orchestrationError);
        expect(context.responseStatus).toBe(SetStateStatus.ABORT);
        expect(context.responseDetails).toEqual({
          type: 'abort_details',
          reason: `Aborting orchestration due to error in NullRejector: OrchestrationError: ${message}`,
        });
        expect(context.proposedState).toBeNull();
        expect(context.validatedState).toBeNull();
        expect(store.writes).toEqual([]);
        // The rule's toType was not changed: with a proposal it fizzles (cleanup); with a
        // null proposal its transition is unchanged, so its after hook runs.
        const exit = to === null ? 'NullRejector.after' : 'NullRejector.cleanup';
        expect(context.journal).toEqual(['NullRejector.before', 'G1.before', 'commit', exit]);
      },
    );
  });

  describe('an error in a before hook (scenario 9)', () => {
    class Outer extends A {}
    class Raiser extends JournalRule {
      static override FROM_STATES = UNIVERSE_SET;
      static override TO_STATES = UNIVERSE_SET;
      static readonly error = new Error('raised in before');

      override async beforeTransition(
        i: State | null,
        p: State | null,
        c: TestContext,
      ): Promise<void> {
        await super.beforeTransition(i, p, c);
        throw Raiser.error;
      }

      override async cleanup(i: State | null, v: State | null, c: TestContext): Promise<void> {
        await super.cleanup(i, v, c);
        this.journal.push(`Raiser.cleanup saw validated ${v?.type ?? 'null'}`);
      }
    }

    it.each(PAIRS_WITH_PROPOSAL)(
      'nulls the proposal, fizzles both rules, skips transform afters, and re-throws, for %s → %s',
      async (from, to) => {
        const context = testContext(from, to);
        const store = new FakeStore();
        const outcome = run(context, [Outer, Raiser, C], [G1], store);
        await expect(outcome).rejects.toBe(Raiser.error);
        expect(context.journal).toEqual([
          'Outer.before',
          'Raiser.before',
          'G1.before',
          'commit',
          'Raiser.cleanup',
          `Raiser.cleanup saw validated ${from ?? 'null'}`,
          'Outer.cleanup',
        ]);
        expect(context.run.sideEffects).toBe(0);
        expect(context.proposedState).toBeNull();
        expect(context.orchestrationError).toBe(Raiser.error);
        expect(context.responseStatus).toBe(SetStateStatus.ABORT);
        expect(context.responseDetails).toEqual({
          type: 'abort_details',
          reason: 'Aborting orchestration due to error in Raiser: Error: raised in before',
        });
        expect(context.instance(Outer).fizzled()).toBe(true);
        expect(context.instance(Raiser).fizzled()).toBe(true);
        expect(context.instance(Raiser).invalid()).toBe(false);
        expect(context.instance(C).invalid()).toBe(true);
        expect(context.ruleSignature).toEqual(['Outer', 'G1']);
        expect(context.finalizationSignature).toEqual([]);
        expect(store.writes).toEqual([]);
        expect(context.validatedState?.id).toBe(context.initialState?.id);
      },
    );
  });

  describe('an error during validation (scenario 10)', () => {
    it.each(ALL_PAIRS)(
      'aborts with "Error validating state", records no error, and returns no state, for %s → %s',
      async (from, to) => {
        const context = testContext(from, to);
        const store = new FakeStore().fail(new Error('flush failed'));
        const result = await run(context, [A, B], [G1], store);
        expect(result).toEqual({
          state: null,
          status: SetStateStatus.ABORT,
          details: { type: 'abort_details', reason: 'Error validating state: Error: flush failed' },
        });
        expect(context.proposedState).toBeNull();
        expect(context.orchestrationError).toBeNull();
        // Rules that expected a state fizzle and clean up; rules that expected null
        // see their transition unchanged and run after.
        const exit = to === null ? 'after' : 'cleanup';
        expect(context.journal).toEqual([
          'A.before',
          'B.before',
          'G1.before',
          'commit',
          'G1.after',
          `B.${exit}`,
          `A.${exit}`,
        ]);
        expect(context.run.sideEffects).toBe(to === null ? 1 : 0);
        expect(context.finalizationSignature).toEqual(to === null ? ['G1', 'B', 'A'] : ['G1']);
      },
    );

    it('describes a thrown non-Error in the reason', async () => {
      const context = testContext(PENDING, RUNNING);
      const result = await run(context, [], [], new FakeStore().fail({ code: 'ELOCKED' }));
      expect(result.details).toEqual({
        type: 'abort_details',
        reason: 'Error validating state: {"code":"ELOCKED"}',
      });
    });
  });

  describe('a mutation after validation (scenario 11)', () => {
    it.each([
      [
        'rejectTransition',
        (rule: JournalRule) => rule.rejectTransition(createState(COMPLETED), 'too late'),
      ],
      ['delayTransition', (rule: JournalRule) => rule.delayTransition(42, 'too late')],
      ['abortTransition', (rule: JournalRule) => rule.abortTransition('too late')],
    ] as const)(
      'lets the TransitionValidatedError of %s escape, leaving status and validated state unchanged',
      async (mutation, mutate) => {
        class LateMutator extends JournalRule {
          static override FROM_STATES = UNIVERSE_SET;
          static override TO_STATES = UNIVERSE_SET;

          override async afterTransition(
            i: State | null,
            v: State | null,
            c: TestContext,
          ): Promise<void> {
            await super.afterTransition(i, v, c);
            mutate(this);
          }
        }
        const context = testContext(PENDING, RUNNING);
        const store = new FakeStore();
        const outcome = run(context, [B, LateMutator], [], store);
        await expect(outcome).rejects.toThrow(
          new TransitionValidatedError('LateMutator', mutation),
        );
        await expect(outcome).rejects.toBeInstanceOf(TransitionValidatedError);
        expect(context.validatedStateType).toBe(RUNNING);
        expect(context.proposedStateType).toBe(RUNNING);
        expect(context.responseStatus).toBe(SetStateStatus.ACCEPT);
        expect(context.responseDetails).toEqual({ type: 'accept_details' });
        expect(store.writes.map((state) => state.type)).toEqual([RUNNING]);
        // The enclosing rule still exits, and is not fizzled.
        expect(context.journal).toEqual([
          'B.before',
          'LateMutator.before',
          'commit',
          'LateMutator.after',
          'B.after',
        ]);
        expect(context.finalizationSignature).toEqual(['B']);
      },
    );
  });

  describe('errors outside before hooks', () => {
    it('lets an error in a transform after hook escape once the enclosing scopes have exited', async () => {
      const error = new Error('after failed');
      class FailingAfter extends JournalTransform {
        override async afterTransition(c: TestContext): Promise<void> {
          await super.afterTransition(c);
          throw error;
        }
      }
      const context = testContext(PENDING, RUNNING);
      await expect(run(context, [B], [G1, FailingAfter, G2])).rejects.toBe(error);
      expect(context.journal).toEqual([
        'B.before',
        'G1.before',
        'FailingAfter.before',
        'G2.before',
        'commit',
        'G2.after',
        'FailingAfter.after',
        'G1.after',
        'B.after',
      ]);
      expect(context.finalizationSignature).toEqual(['G2', 'G1', 'B']);
      expect(context.responseStatus).toBe(SetStateStatus.ACCEPT);
    });

    it('skips validation when a transform before hook throws; enclosing rules exit and see no validated state', async () => {
      const error = new Error('before failed');
      class FailingBefore extends JournalTransform {
        override async beforeTransition(c: TestContext): Promise<void> {
          await super.beforeTransition(c);
          throw error;
        }
      }
      class SeesValidated extends JournalRule {
        static override FROM_STATES = UNIVERSE_SET;
        static override TO_STATES = UNIVERSE_SET;

        override async afterTransition(
          i: State | null,
          validated: State | null,
          c: TestContext,
        ): Promise<void> {
          await super.afterTransition(i, validated, c);
          this.journal.push(`validated: ${validated === null ? 'none' : validated.type}`);
        }
      }
      const context = testContext(PENDING, RUNNING);
      const store = new FakeStore();
      await expect(run(context, [SeesValidated], [G1, FailingBefore, G2], store)).rejects.toBe(
        error,
      );
      expect(context.journal).toEqual([
        'SeesValidated.before',
        'G1.before',
        'FailingBefore.before',
        'G1.after',
        'SeesValidated.after',
        'validated: none',
      ]);
      expect(store.writes).toEqual([]);
      expect(context.orchestrationError).toBeNull();
    });

    it('lets an error in a cleanup escape once the enclosing rules have exited, instead of the recorded error', async () => {
      const cleanupError = new Error('cleanup failed');
      class FailingCleanup extends JournalRule {
        static override FROM_STATES = UNIVERSE_SET;
        static override TO_STATES = UNIVERSE_SET;

        override async cleanup(i: State | null, v: State | null, c: TestContext): Promise<void> {
          await super.cleanup(i, v, c);
          throw cleanupError;
        }
      }
      class Thrower extends JournalRule {
        static override FROM_STATES = UNIVERSE_SET;
        static override TO_STATES = UNIVERSE_SET;

        override async beforeTransition(): Promise<void> {
          throw new Error('recorded');
        }
      }
      const context = testContext(PENDING, RUNNING);
      await expect(run(context, [A, FailingCleanup, Thrower])).rejects.toBe(cleanupError);
      expect(context.journal).toEqual([
        'A.before',
        'FailingCleanup.before',
        'commit',
        'Thrower.cleanup',
        'FailingCleanup.cleanup',
        'A.cleanup',
      ]);
      expect(context.orchestrationError).toEqual(new Error('recorded'));
      expect(context.run.sideEffects).toBe(0);
    });

    it('lets the outermost error win when several exits throw', async () => {
      class InnerFails extends JournalRule {
        static override FROM_STATES = UNIVERSE_SET;
        static override TO_STATES = UNIVERSE_SET;

        override async afterTransition(): Promise<void> {
          throw new Error('inner');
        }
      }
      class OuterFails extends JournalRule {
        static override FROM_STATES = UNIVERSE_SET;
        static override TO_STATES = UNIVERSE_SET;

        override async afterTransition(): Promise<void> {
          throw new Error('outer');
        }
      }
      const context = testContext(PENDING, RUNNING);
      await expect(run(context, [OuterFails, InnerFails])).rejects.toThrow('outer');
    });

    it('lets an error thrown synchronously by a hook escape the same way', async () => {
      class SyncThrow extends JournalRule {
        static override FROM_STATES = UNIVERSE_SET;
        static override TO_STATES = UNIVERSE_SET;

        // Not async on purpose: a hook that throws before returning a promise.
        override afterTransition(): Promise<void> {
          throw new Error('sync');
        }
      }
      const context = testContext(PENDING, RUNNING);
      await expect(run(context, [B, SyncThrow])).rejects.toThrow('sync');
      expect(context.journal).toEqual(['B.before', 'SyncThrow.before', 'commit', 'B.after']);
    });
  });
});
