/**
 * OrchestrationRule: entry, exit, invalid/fizzled, the mutation methods and hook
 * isolation (docs/orchestration-semantics.md); the numbered scenarios come from
 * Prefect's rule tests.
 * Rules are entered and exited by hand here, like Prefect's own rule tests nest their
 * context managers; orchestrate.test.ts runs the same machinery through the loop.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  createState,
  OrchestrationError,
  OrchestrationRule,
  SetStateStatus,
  StateType,
  TransitionValidatedError,
  type RuleClass,
  type State,
  type StateName,
} from '../../src/index.ts';
import { JournalRule, testContext, type TestContext } from './support/test-context.ts';
import { ALL_PAIRS, otherType, PAIRS_WITH_PROPOSAL, universeWithout } from './support/universe.ts';

const UNIVERSE_SET = ALL_ORCHESTRATION_STATES;
const { PENDING, RUNNING, SCHEDULED, COMPLETED } = StateType;

/**
 * Enters `Rules` in order on `context` for its current transition, runs `inside`, then
 * exits them in reverse: the nesting `orchestrate` does, without validation. Returns
 * the instances in entry order.
 */
async function nest(
  context: TestContext,
  Rules: readonly RuleClass<TestContext>[],
  inside: () => void | Promise<void> = () => {},
): Promise<void> {
  const from = context.initialStateType;
  const to = context.proposedStateType;
  const entered = [];
  for (const Rule of Rules) {
    const rule = new Rule(context, from, to);
    await rule.enter();
    entered.push(rule);
  }
  await inside();
  for (const rule of entered.reverse()) await rule.exit();
}

/** A rule over the whole universe with default (journalling) hooks. */
class AcceptAll extends JournalRule {
  static override FROM_STATES = UNIVERSE_SET;
  static override TO_STATES = UNIVERSE_SET;
}

/** A rule whose before adds a side effect to the run, and whose cleanup undoes it. */
class SideEffect extends JournalRule {
  static override FROM_STATES = UNIVERSE_SET;
  static override TO_STATES = UNIVERSE_SET;

  override async beforeTransition(
    i: State | null,
    p: State | null,
    context: TestContext,
  ): Promise<void> {
    await super.beforeTransition(i, p, context);
    context.run.sideEffects += 1;
  }

  override async cleanup(i: State | null, v: State | null, context: TestContext): Promise<void> {
    await super.cleanup(i, v, context);
    context.run.sideEffects -= 1;
  }
}

describe(OrchestrationRule.name, () => {
  describe('a valid rule (scenario 1)', () => {
    it.each(ALL_PAIRS)(
      'runs before once and after once, and is neither invalid nor fizzled, for %s → %s',
      async (from, to) => {
        const context = testContext(from, to);
        await nest(context, [AcceptAll]);
        const rule = context.instance(AcceptAll);
        expect(context.journal).toEqual(['AcceptAll.before', 'AcceptAll.after']);
        expect(rule.invalid()).toBe(false);
        expect(rule.fizzled()).toBe(false);
        expect(context.ruleSignature).toEqual(['AcceptAll']);
        expect(context.finalizationSignature).toEqual(['AcceptAll']);
        expect(context.responseStatus).toBe(SetStateStatus.ACCEPT);
        expect(context.responseDetails).toEqual({ type: 'accept_details' });
      },
    );

    it('signs both signatures without a microtask when it overrides no hook', () => {
      class Plain extends OrchestrationRule<TestContext> {
        static override FROM_STATES = UNIVERSE_SET;
        static override TO_STATES = UNIVERSE_SET;
      }
      const context = testContext(PENDING, RUNNING);
      const rule = new Plain(context, PENDING, RUNNING);
      expect(rule.enter()).toBeUndefined();
      expect(rule.exit()).toBeUndefined();
      expect(context.ruleSignature).toEqual(['Plain']);
      expect(context.finalizationSignature).toEqual(['Plain']);
    });

    it('never fires with the default (empty) FROM and TO sets', async () => {
      class Unconfigured extends JournalRule {}
      const context = testContext(PENDING, RUNNING);
      await nest(context, [Unconfigured]);
      expect(context.journal).toEqual([]);
      expect(context.instance(Unconfigured).invalid()).toBe(true);
    });
  });

  describe('an invalid rule (scenario 2)', () => {
    it('runs no hook when it was created for another transition than the context holds', async () => {
      const context = testContext(PENDING, RUNNING);
      const rule = new AcceptAll(context, SCHEDULED, COMPLETED);
      await rule.enter();
      await rule.exit();
      expect(context.journal).toEqual([]);
      expect(rule.invalid()).toBe(true);
      expect(rule.fizzled()).toBe(false);
      expect(context.ruleSignature).toEqual([]);
      expect(context.finalizationSignature).toEqual([]);
    });

    it.each(ALL_PAIRS)(
      'runs no hook when FROM excludes the initial type, for %s → %s',
      async (from, to) => {
        class ExcludesFrom extends JournalRule {
          static override FROM_STATES = universeWithout(from);
          static override TO_STATES = UNIVERSE_SET;
        }
        const context = testContext(from, to);
        await nest(context, [ExcludesFrom]);
        expect(context.journal).toEqual([]);
        expect(context.instance(ExcludesFrom).invalid()).toBe(true);
        expect(context.instance(ExcludesFrom).fizzled()).toBe(false);
      },
    );

    it.each(ALL_PAIRS)(
      'runs no hook when TO excludes the proposed type, for %s → %s',
      async (from, to) => {
        class ExcludesTo extends JournalRule {
          static override FROM_STATES = UNIVERSE_SET;
          static override TO_STATES = universeWithout(to);
        }
        const context = testContext(from, to);
        await nest(context, [ExcludesTo]);
        expect(context.journal).toEqual([]);
        expect(context.instance(ExcludesTo).invalid()).toBe(true);
        expect(context.instance(ExcludesTo).fizzled()).toBe(false);
      },
    );

    it('stays invalid for good, even if the context comes back to its transition', async () => {
      const context = testContext(PENDING, RUNNING);
      const proposed = context.proposedState;
      context.proposedState = null;
      const rule = new AcceptAll(context, PENDING, RUNNING);
      await rule.enter();
      context.proposedState = proposed;
      await rule.exit();
      expect(context.journal).toEqual([]);
      expect(rule.invalid()).toBe(true);
      expect(rule.fizzled()).toBe(false);
    });
  });

  describe('a rule whose transition changes inside its scope (scenario 3)', () => {
    it.each(ALL_PAIRS)(
      'fizzles and cleans up when the proposed type changes, for %s → %s',
      async (from, to) => {
        const context = testContext(from, to);
        await nest(context, [SideEffect], () => {
          expect(context.run.sideEffects).toBe(1);
          context.proposedState = createState(otherType(to));
        });
        const rule = context.instance(SideEffect);
        expect(context.journal).toEqual(['SideEffect.before', 'SideEffect.cleanup']);
        expect(context.run.sideEffects).toBe(0);
        expect(rule.fizzled()).toBe(true);
        expect(rule.invalid()).toBe(false);
        expect(context.ruleSignature).toEqual(['SideEffect']);
        expect(context.finalizationSignature).toEqual([]);
      },
    );

    it.each(ALL_PAIRS)(
      'fizzles and cleans up when the initial type changes, for %s → %s',
      async (from, to) => {
        const context = testContext(from, to);
        await nest(context, [SideEffect], () => {
          context.initialState = createState(otherType(from));
        });
        const rule = context.instance(SideEffect);
        expect(context.journal).toEqual(['SideEffect.before', 'SideEffect.cleanup']);
        expect(context.run.sideEffects).toBe(0);
        expect(rule.fizzled()).toBe(true);
        expect(rule.invalid()).toBe(false);
      },
    );

    it.each(ALL_PAIRS)(
      'fizzles when the proposed state is nulled (or a state appears), for %s → %s',
      async (from, to) => {
        const context = testContext(from, to);
        await nest(context, [SideEffect], () => {
          context.proposedState = to === null ? createState(RUNNING) : null;
        });
        expect(context.journal).toEqual(['SideEffect.before', 'SideEffect.cleanup']);
        expect(context.instance(SideEffect).fizzled()).toBe(true);
      },
    );

    it.each(PAIRS_WITH_PROPOSAL)(
      'does not fizzle on a rename or a replacement of the same type, for %s → %s',
      async (from, to) => {
        const context = testContext(from, to);
        await nest(context, [SideEffect], () => {
          context.proposedState = createState(to, { name: 'Something Else' });
        });
        expect(context.journal).toEqual(['SideEffect.before', 'SideEffect.after']);
        expect(context.run.sideEffects).toBe(1);
        expect(context.instance(SideEffect).fizzled()).toBe(false);
      },
    );
  });

  describe('a mutating rule (scenario 4)', () => {
    const mutations = [
      {
        name: 'rejects with another type',
        mutate: (rule: OrchestrationRule<TestContext>, to: StateName | null) =>
          rule.rejectTransition(createState(otherType(to)), 'rejected'),
        status: SetStateStatus.REJECT,
        details: { type: 'reject_details', reason: 'rejected' },
        toType: (to: StateName | null): StateName | null => otherType(to),
      },
      {
        name: 'delays 42 seconds',
        mutate: (rule: OrchestrationRule<TestContext>) => rule.delayTransition(42, 'later'),
        status: SetStateStatus.WAIT,
        details: { type: 'wait_details', delaySeconds: 42, reason: 'later' },
        toType: () => null,
      },
      {
        name: 'aborts',
        mutate: (rule: OrchestrationRule<TestContext>) => rule.abortTransition('stop'),
        status: SetStateStatus.ABORT,
        details: { type: 'abort_details', reason: 'stop' },
        toType: () => null,
      },
    ] as const;

    describe.each(mutations)('that $name', ({ mutate, status, details, toType }) => {
      it.each(ALL_PAIRS)(
        'runs after, not cleanup, and does not fizzle itself, for %s → %s',
        async (from, to) => {
          class Mutator extends JournalRule {
            static override FROM_STATES = UNIVERSE_SET;
            static override TO_STATES = UNIVERSE_SET;

            override async beforeTransition(
              i: State | null,
              p: State | null,
              c: TestContext,
            ): Promise<void> {
              await super.beforeTransition(i, p, c);
              mutate(this, to);
            }
          }
          const context = testContext(from, to);
          await nest(context, [Mutator]);
          const rule = context.instance(Mutator);
          expect(context.journal).toEqual(['Mutator.before', 'Mutator.after']);
          expect(rule.invalid()).toBe(false);
          expect(rule.fizzled()).toBe(false);
          expect(rule.fromType).toBe(from);
          expect(rule.toType).toBe(toType(to));
          expect(context.proposedStateType).toBe(toType(to));
          expect(context.responseStatus).toBe(status);
          expect(context.responseDetails).toEqual(details);
          expect(context.ruleSignature).toEqual(['Mutator']);
          expect(context.finalizationSignature).toEqual(['Mutator']);
        },
      );

      it.each(PAIRS_WITH_PROPOSAL)(
        'runs neither after nor cleanup when its own mutation leaves its TO set (exit re-check), for %s → %s',
        async (from, to) => {
          class NarrowMutator extends JournalRule {
            static override FROM_STATES = UNIVERSE_SET;
            static override TO_STATES = new Set([to]);

            override async beforeTransition(
              i: State | null,
              p: State | null,
              c: TestContext,
            ): Promise<void> {
              await super.beforeTransition(i, p, c);
              mutate(this, to);
            }
          }
          const context = testContext(from, to);
          await nest(context, [NarrowMutator]);
          const rule = context.instance(NarrowMutator);
          expect(context.journal).toEqual(['NarrowMutator.before']);
          expect(rule.invalid()).toBe(true);
          expect(rule.fizzled()).toBe(false);
          expect(context.responseStatus).toBe(status);
          expect(context.ruleSignature).toEqual(['NarrowMutator']);
          expect(context.finalizationSignature).toEqual([]);
        },
      );
    });

    it('lets later rules run when it rejects with a state of the same type', async () => {
      class SameTypeRejector extends JournalRule {
        static override FROM_STATES = UNIVERSE_SET;
        static override TO_STATES = UNIVERSE_SET;

        override async beforeTransition(
          i: State | null,
          p: State | null,
          c: TestContext,
        ): Promise<void> {
          await super.beforeTransition(i, p, c);
          this.rejectTransition(createState(RUNNING, { name: 'Replaced' }), 'same type');
        }
      }
      const context = testContext(PENDING, RUNNING);
      await nest(context, [SameTypeRejector, AcceptAll]);
      expect(context.journal).toEqual([
        'SameTypeRejector.before',
        'AcceptAll.before',
        'AcceptAll.after',
        'SameTypeRejector.after',
      ]);
      expect(context.responseStatus).toBe(SetStateStatus.REJECT);
      expect(context.proposedState?.name).toBe('Replaced');
    });

    it('keeps the last mutation for status and details', async () => {
      class Twice extends JournalRule {
        static override FROM_STATES = UNIVERSE_SET;
        static override TO_STATES = UNIVERSE_SET;

        override async beforeTransition(): Promise<void> {
          this.delayTransition(5, 'first');
          this.abortTransition('second');
        }
      }
      const context = testContext(PENDING, RUNNING);
      await nest(context, [Twice]);
      expect(context.responseStatus).toBe(SetStateStatus.ABORT);
      expect(context.responseDetails).toEqual({ type: 'abort_details', reason: 'second' });
    });

    it('defaults a mutation reason to null', async () => {
      const context = testContext(PENDING, RUNNING);
      const rule = new AcceptAll(context, PENDING, RUNNING);
      rule.rejectTransition(createState(COMPLETED));
      expect(context.responseDetails).toEqual({ type: 'reject_details', reason: null });
      rule.delayTransition(3);
      expect(context.responseDetails).toEqual({
        type: 'wait_details',
        delaySeconds: 3,
        reason: null,
      });
      rule.abortTransition();
      expect(context.responseDetails).toEqual({ type: 'abort_details', reason: null });
    });
  });

  describe('rejectTransition with null', () => {
    it('writes nothing: the proposed state becomes null, the status REJECT', async () => {
      const context = testContext(PENDING, RUNNING);
      const rule = new AcceptAll(context, PENDING, RUNNING);
      rule.rejectTransition(null, 'keep the current state');
      expect(context.proposedState).toBeNull();
      expect(rule.toType).toBeNull();
      expect(context.responseStatus).toBe(SetStateStatus.REJECT);
      expect(context.responseDetails).toEqual({
        type: 'reject_details',
        reason: 'keep the current state',
      });
    });

    it('throws an OrchestrationError for a run with no state, changing nothing', () => {
      const context = testContext(null, RUNNING);
      const rule = new AcceptAll(context, null, RUNNING);
      expect(() => rule.rejectTransition(null, 'nope')).toThrow(
        new OrchestrationError(
          'The run has no state, so this transition cannot be rejected without a new state: ' +
            'pass a state to rejectTransition, or abort instead.',
        ),
      );
      expect(context.proposedStateType).toBe(RUNNING);
      expect(rule.toType).toBe(RUNNING);
      expect(context.responseStatus).toBe(SetStateStatus.ACCEPT);
    });
  });

  describe('null reject ordering (scenario 6)', () => {
    class Minimal extends JournalRule {
      static override FROM_STATES = UNIVERSE_SET;
      static override TO_STATES = UNIVERSE_SET;
    }
    class NullRejector extends JournalRule {
      static override FROM_STATES = UNIVERSE_SET;
      static override TO_STATES = UNIVERSE_SET;

      override async beforeTransition(
        i: State | null,
        p: State | null,
        c: TestContext,
      ): Promise<void> {
        await super.beforeTransition(i, p, c);
        this.rejectTransition(null, 'null reject');
      }
    }
    const statefulPairs = PAIRS_WITH_PROPOSAL.filter(([from]) => from !== null);

    it.each(statefulPairs)(
      'fizzles an outer rule when an inner rule rejects with null, for %s → %s',
      async (from, to) => {
        const context = testContext(from, to);
        await nest(context, [Minimal, NullRejector]);
        expect(context.journal).toEqual([
          'Minimal.before',
          'NullRejector.before',
          'NullRejector.after',
          'Minimal.cleanup',
        ]);
        expect(context.instance(Minimal).fizzled()).toBe(true);
        expect(context.instance(NullRejector).fizzled()).toBe(false);
        expect(context.instance(NullRejector).invalid()).toBe(false);
        expect(context.responseStatus).toBe(SetStateStatus.REJECT);
        expect(context.proposedState).toBeNull();
      },
    );

    it.each(statefulPairs)(
      'makes a later rule invalid when it rejects with null first, for %s → %s',
      async (from, to) => {
        const context = testContext(from, to);
        await nest(context, [NullRejector, Minimal]);
        expect(context.journal).toEqual(['NullRejector.before', 'NullRejector.after']);
        expect(context.instance(Minimal).invalid()).toBe(true);
        expect(context.instance(Minimal).fizzled()).toBe(false);
        expect(context.responseStatus).toBe(SetStateStatus.REJECT);
      },
    );
  });

  describe('an error in a before hook', () => {
    class Raiser extends JournalRule {
      static override FROM_STATES = UNIVERSE_SET;
      static override TO_STATES = UNIVERSE_SET;
      static error: unknown = new Error('boom');

      override async beforeTransition(
        i: State | null,
        p: State | null,
        c: TestContext,
      ): Promise<void> {
        await super.beforeTransition(i, p, c);
        throw Raiser.error;
      }
    }

    it('becomes an ABORT with the error recorded, and the rule fizzles and cleans up', async () => {
      Raiser.error = new Error('boom');
      const context = testContext(PENDING, RUNNING);
      await nest(context, [Raiser]);
      const rule = context.instance(Raiser);
      expect(context.journal).toEqual(['Raiser.before', 'Raiser.cleanup']);
      expect(context.proposedState).toBeNull();
      expect(context.responseStatus).toBe(SetStateStatus.ABORT);
      expect(context.responseDetails).toEqual({
        type: 'abort_details',
        reason: 'Aborting orchestration due to error in Raiser: Error: boom',
      });
      expect(context.orchestrationError).toBe(Raiser.error);
      expect(rule.toType).toBe(RUNNING);
      expect(rule.fizzled()).toBe(true);
      expect(context.ruleSignature).toEqual([]);
    });

    it('records an OrchestrationError when the hook throws undefined', async () => {
      Raiser.error = undefined;
      const context = testContext(PENDING, RUNNING);
      await nest(context, [Raiser]);
      expect(context.orchestrationError).toEqual(
        new OrchestrationError('Raiser.beforeTransition threw undefined.'),
      );
      expect(context.responseDetails).toEqual({
        type: 'abort_details',
        reason:
          'Aborting orchestration due to error in Raiser: OrchestrationError: Raiser.beforeTransition threw undefined.',
      });
    });

    it('describes a thrown circular object without throwing again', async () => {
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      Raiser.error = circular;
      const context = testContext(PENDING, RUNNING);
      await nest(context, [Raiser]);
      expect(context.orchestrationError).toBe(circular);
      expect(context.responseDetails).toEqual({
        type: 'abort_details',
        reason: 'Aborting orchestration due to error in Raiser: [object Object]',
      });
    });
  });

  describe('mutations after validation (scenario 11, rule level)', () => {
    it.each([
      [
        'rejectTransition',
        (rule: OrchestrationRule<TestContext>) => rule.rejectTransition(createState(COMPLETED)),
      ],
      ['delayTransition', (rule: OrchestrationRule<TestContext>) => rule.delayTransition(42)],
      ['abortTransition', (rule: OrchestrationRule<TestContext>) => rule.abortTransition('late')],
    ] as const)('%s throws a TransitionValidatedError and changes nothing', (mutation, mutate) => {
      const context = testContext(PENDING, RUNNING);
      context.validatedState = context.proposedState;
      const rule = new AcceptAll(context, PENDING, RUNNING);
      expect(() => mutate(rule)).toThrow(new TransitionValidatedError('AcceptAll', mutation));
      expect(() => mutate(rule)).toThrow(
        `AcceptAll called ${mutation} after the transition was validated; mutations may only be called from beforeTransition.`,
      );
      expect(context.responseStatus).toBe(SetStateStatus.ACCEPT);
      expect(context.validatedStateType).toBe(RUNNING);
      expect(context.proposedStateType).toBe(RUNNING);
      expect(rule.toType).toBe(RUNNING);
    });
  });

  describe('renameState', () => {
    it('renames the real proposed state without changing the type or fizzling anything', async () => {
      class Renamer extends JournalRule {
        static override FROM_STATES = UNIVERSE_SET;
        static override TO_STATES = UNIVERSE_SET;

        override async beforeTransition(
          i: State | null,
          p: State | null,
          c: TestContext,
        ): Promise<void> {
          await super.beforeTransition(i, p, c);
          this.renameState('Retrying');
        }
      }
      const context = testContext(PENDING, RUNNING);
      await nest(context, [SideEffect, Renamer]);
      expect(context.proposedState?.name).toBe('Retrying');
      expect(context.proposedStateType).toBe(RUNNING);
      expect(context.responseStatus).toBe(SetStateStatus.ACCEPT);
      expect(context.journal).toEqual([
        'SideEffect.before',
        'Renamer.before',
        'Renamer.after',
        'SideEffect.after',
      ]);
    });

    it('does nothing when the proposed state is null', () => {
      const context = testContext(PENDING, null);
      new AcceptAll(context, PENDING, null).renameState('Ignored');
      expect(context.proposedState).toBeNull();
    });
  });

  describe('hook isolation (scenario 12)', () => {
    it('ignores assignments to the states and context a before hook receives', async () => {
      class Assigner extends JournalRule {
        static override FROM_STATES = UNIVERSE_SET;
        static override TO_STATES = UNIVERSE_SET;

        override async beforeTransition(
          initial: State | null,
          proposed: State | null,
          context: TestContext,
        ): Promise<void> {
          initial!.type = COMPLETED;
          proposed!.type = COMPLETED;
          proposed!.name = 'Renamed by assignment';
          proposed!.stateDetails.cacheKey = 'leaked?';
          context.initialState!.type = SCHEDULED;
          context.proposedState = createState(COMPLETED);
          context.responseStatus = SetStateStatus.ABORT;
          context.parameters.written = true;
        }
      }
      const context = testContext(PENDING, RUNNING);
      await nest(context, [Assigner]);
      expect(context.initialStateType).toBe(PENDING);
      expect(context.proposedStateType).toBe(RUNNING);
      expect(context.proposedState?.name).toBe('Running');
      expect(context.proposedState?.stateDetails.cacheKey).toBeNull();
      expect(context.responseStatus).toBe(SetStateStatus.ACCEPT);
      expect(context.parameters).toEqual({});
      expect(context.instance(Assigner).fizzled()).toBe(false);
    });

    it('ignores assignments to the states an after hook receives', async () => {
      class AfterAssigner extends JournalRule {
        static override FROM_STATES = UNIVERSE_SET;
        static override TO_STATES = UNIVERSE_SET;

        override async afterTransition(
          initial: State | null,
          validated: State | null,
          context: TestContext,
        ): Promise<void> {
          initial!.type = COMPLETED;
          validated!.type = COMPLETED;
          context.validatedState = null;
        }
      }
      const context = testContext(PENDING, RUNNING);
      await nest(context, [AfterAssigner], () => {
        context.validatedState = context.proposedState;
      });
      expect(context.initialStateType).toBe(PENDING);
      expect(context.validatedStateType).toBe(RUNNING);
    });

    it("hands hooks copies that share the states' Date objects, where assigning a date changes nothing", async () => {
      const seen: Date[] = [];
      class DateReader extends JournalRule {
        static override FROM_STATES = UNIVERSE_SET;
        static override TO_STATES = UNIVERSE_SET;

        override async beforeTransition(
          initial: State | null,
          proposed: State | null,
        ): Promise<void> {
          seen.push(initial!.timestamp, proposed!.timestamp);
          proposed!.timestamp = new Date(0);
        }
      }
      const context = testContext(PENDING, RUNNING);
      const { initialState, proposedState } = context;
      const proposedAt = proposedState!.timestamp.getTime();
      await nest(context, [DateReader]);
      expect(seen[0]).toBe(initialState!.timestamp);
      expect(seen[1]).toBe(proposedState!.timestamp);
      expect(context.proposedState!.timestamp.getTime()).toBe(proposedAt);
    });

    it('validates the type set on a copy once the copy is passed to rejectTransition', async () => {
      class CopyRejector extends JournalRule {
        static override FROM_STATES = UNIVERSE_SET;
        static override TO_STATES = UNIVERSE_SET;

        override async beforeTransition(_i: State | null, proposed: State | null): Promise<void> {
          proposed!.type = COMPLETED;
          this.rejectTransition(proposed, 'copy');
        }
      }
      const context = testContext(PENDING, RUNNING);
      await nest(context, [CopyRejector]);
      expect(context.proposedStateType).toBe(COMPLETED);
      expect(context.instance(CopyRejector).toType).toBe(COMPLETED);
      expect(context.instance(CopyRejector).fizzled()).toBe(false);
    });

    it('writes the real proposed state details through updateProposedStateDetails', async () => {
      const scheduledTime = new Date('2023-02-02T00:00:00.000Z');
      class DetailsWriter extends JournalRule {
        static override FROM_STATES = UNIVERSE_SET;
        static override TO_STATES = UNIVERSE_SET;

        override async beforeTransition(): Promise<void> {
          this.updateProposedStateDetails({ scheduledTime });
        }
      }
      const context = testContext(SCHEDULED, PENDING);
      await nest(context, [DetailsWriter]);
      expect(context.proposedState?.stateDetails.scheduledTime).toEqual(scheduledTime);
      const nulled = testContext(SCHEDULED, null);
      await nest(nulled, [DetailsWriter]);
      expect(nulled.proposedState).toBeNull();
    });

    it('shares the live run with hooks', async () => {
      const context = testContext(PENDING, RUNNING);
      await nest(context, [SideEffect]);
      expect(context.run.sideEffects).toBe(1);
    });
  });

  describe('parameters (scenario 13)', () => {
    class Writer extends JournalRule {
      static override FROM_STATES = UNIVERSE_SET;
      static override TO_STATES = UNIVERSE_SET;

      override async beforeTransition(
        _i: State | null,
        _p: State | null,
        context: TestContext,
      ): Promise<void> {
        this.updateContextParameters('test', 'stored');
        context.parameters.test = 'overwritten in my copy';
        context.parameters = { test: 'replaced my copy' };
      }
    }
    class Reader extends JournalRule {
      static override FROM_STATES = UNIVERSE_SET;
      static override TO_STATES = UNIVERSE_SET;

      override async beforeTransition(
        _i: State | null,
        _p: State | null,
        context: TestContext,
      ): Promise<void> {
        this.journal.push(`Reader saw ${String(context.parameters.test)}`);
      }
    }

    it('passes a value stored with updateContextParameters to a rule nested inside', async () => {
      const context = testContext(PENDING, RUNNING, { parameters: { 'api-version': '0.8.4' } });
      await nest(context, [Writer, Reader]);
      expect(context.journal).toEqual(['Reader saw stored', 'Reader.after', 'Writer.after']);
      expect(context.parameters).toEqual({ 'api-version': '0.8.4', test: 'stored' });
    });

    it('hands each hook a copy of the caller-seeded parameters', async () => {
      const seeded = { 'api-version': '0.8.3' };
      const context = testContext(PENDING, RUNNING, { parameters: seeded });
      await nest(context, [Writer]);
      expect(seeded).toEqual({ 'api-version': '0.8.3' });
    });
  });
});
