/**
 * enterNest: entering rules and transforms by hand, for the context's transition or
 * another one, pausing before validation, validating with orchestrate's ABORT
 * handling, exiting, and the bare-nest option for recorded orchestration errors.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  OrchestrationError,
  OrchestrationRule,
  orchestrate,
  SetStateStatus,
  StateType,
  UniversalTransform,
  type CommitState,
  type OrchestrationContext,
  type State,
} from '../../../src/index.ts';
import { enterNest, HookRecorder, testEnvironment } from '../../../src/testing/index.ts';
import { ALL_PAIRS } from '../support/universe.ts';

const { PENDING, RUNNING, SCHEDULED, COMPLETED, FAILED } = StateType;
type Context = OrchestrationContext<Record<string, unknown>>;

/** Validation that stores nothing and returns the proposal itself. */
const echo: CommitState<Context> = (proposed) => proposed;

class Hookless extends OrchestrationRule {
  static override FROM_STATES = ALL_ORCHESTRATION_STATES;
  static override TO_STATES = ALL_ORCHESTRATION_STATES;
}

class RejectToFailed extends OrchestrationRule {
  static override FROM_STATES = ALL_ORCHESTRATION_STATES;
  static override TO_STATES = new Set([COMPLETED]);
  override async beforeTransition(_i: State | null, _p: State | null, context: Context) {
    this.rejectTransition(testEnvironment().state(FAILED), `no ${context.proposedStateType}`);
  }
}

class Boom extends OrchestrationRule {
  static override FROM_STATES = ALL_ORCHESTRATION_STATES;
  static override TO_STATES = ALL_ORCHESTRATION_STATES;
  override async beforeTransition(): Promise<void> {
    throw new OrchestrationError('boom');
  }
}

class Stamp extends UniversalTransform {
  override async afterTransition(context: Context): Promise<void> {
    context.parameters['stamped'] = true;
  }
}

class DelayFromScheduled extends OrchestrationRule {
  static override FROM_STATES = new Set([SCHEDULED]);
  static override TO_STATES = ALL_ORCHESTRATION_STATES;
  override async beforeTransition(): Promise<void> {
    this.delayTransition(5, 'too early');
  }
}

describe(enterNest.name, () => {
  it.each(ALL_PAIRS)(
    'gives the same result and signatures as orchestrate, entered, validated and exited, for %s → %s',
    async (from, to) => {
      const rules = [Hookless, RejectToFailed, DelayFromScheduled];
      const transforms = [Stamp];
      const looped = testEnvironment().context(from, to);
      const result = await orchestrate({ context: looped, rules, transforms, commit: echo });

      const byHand = testEnvironment().context(from, to);
      const nest = await enterNest({ context: byHand, rules, transforms });
      await nest.validate(echo);
      await nest.exit();
      expect(nest.result()).toEqual(result);
      expect(byHand.ruleSignature).toEqual(looped.ruleSignature);
      expect(byHand.finalizationSignature).toEqual(looped.finalizationSignature);
      expect(byHand.parameters).toEqual(looped.parameters);
    },
  );

  it('constructs every class, hookless ones included, so invalid() and fizzled() answer', async () => {
    const context = testEnvironment().context(PENDING, RUNNING);
    await using nest = await enterNest({ context, rules: [Hookless] });
    const rule = nest.instance(Hookless);
    expect(rule).toBeInstanceOf(Hookless);
    expect(rule.invalid()).toBe(false);
    expect(context.ruleSignature).toEqual(['Hookless']);
  });

  it('builds the rules for an explicitly given transition, where a rule for another transition stays invalid', async () => {
    const context = testEnvironment().context(PENDING, RUNNING);
    await using nest = await enterNest({
      context,
      rules: [Hookless],
      transition: [SCHEDULED, COMPLETED],
    });
    await nest.validate(echo);
    await nest.exit();
    expect(nest.instance(Hookless).invalid()).toBe(true);
    expect(nest.instance(Hookless).fizzled()).toBe(false);
    expect(context.ruleSignature).toEqual([]);
    expect(context.finalizationSignature).toEqual([]);
  });

  it('pauses between entry and validation, where a change to the context fizzles the rule', async () => {
    const env = testEnvironment();
    const context = env.context(PENDING, RUNNING);
    await using nest = await enterNest({ context, rules: [Hookless] });
    expect(context.validatedState).toBeNull();
    context.proposedState = env.state(SCHEDULED);
    await nest.validate(echo);
    await nest.exit();
    expect(nest.instance(Hookless).fizzled()).toBe(true);
    expect(context.finalizationSignature).toEqual([]);
  });

  it('turns a validation error into an ABORT, as orchestrate does', async () => {
    const failing: CommitState<Context> = () => {
      throw new Error('disk full');
    };
    const byHand = testEnvironment().context(PENDING, RUNNING);
    await using nest = await enterNest({ context: byHand, rules: [Hookless] });
    await nest.validate(failing);
    await nest.exit();

    const looped = testEnvironment().context(PENDING, RUNNING);
    const result = await orchestrate({ context: looped, rules: [Hookless], commit: failing });
    expect(nest.result()).toEqual(result);
    expect(nest.result()).toEqual({
      state: null,
      status: SetStateStatus.ABORT,
      details: { type: 'abort_details', reason: 'Error validating state: Error: disk full' },
    });
  });

  it('validates after exit too, when a test asks for that order', async () => {
    const context = testEnvironment().context(PENDING, RUNNING);
    const nest = await enterNest({ context, rules: [Hookless] });
    await nest.exit();
    await nest.validate(echo);
    expect(context.finalizationSignature).toEqual(['Hookless']);
    expect(context.validatedState?.type).toBe(RUNNING);
  });

  it('reports a mutation in the response and the rule, entered alone', async () => {
    const context = testEnvironment().context(RUNNING, COMPLETED);
    await using nest = await enterNest({ context, rules: [RejectToFailed] });
    await nest.validate(echo);
    expect(nest.result().status).toBe(SetStateStatus.REJECT);
    expect(nest.result().state?.type).toBe(FAILED);
    expect(nest.instance(RejectToFailed).toType).toBe(FAILED);
  });

  it('re-throws a recorded orchestration error at exit, after unwinding, by default', async () => {
    const context = testEnvironment().context(PENDING, RUNNING);
    const nest = await enterNest({ context, rules: [Boom], transforms: [Stamp] });
    await nest.validate(echo);
    await expect(nest.exit()).rejects.toThrow(new OrchestrationError('boom'));
    expect(context.responseStatus).toBe(SetStateStatus.ABORT);
  });

  it("keeps the orchestration error on the context, as Prefect's bare nest does, with orchestrationError: 'record'", async () => {
    const context = testEnvironment().context(PENDING, RUNNING);
    const nest = await enterNest({
      context,
      rules: [Boom],
      transforms: [Stamp],
      orchestrationError: 'record',
    });
    await nest.validate(echo);
    await nest.exit();
    expect(context.orchestrationError).toEqual(new OrchestrationError('boom'));
    expect(context.responseDetails).toEqual({
      type: 'abort_details',
      reason: 'Aborting orchestration due to error in Boom: OrchestrationError: boom',
    });
    // Transforms skip their after hook when an orchestration error is recorded.
    expect(context.parameters['stamped']).toBeUndefined();
  });

  it('unwinds the entered instances and throws when an entry throws', async () => {
    class Exploding extends UniversalTransform {
      override async beforeTransition(): Promise<void> {
        throw new Error('transform failed');
      }
    }
    const recorder = new HookRecorder();
    const context = testEnvironment().context(PENDING, RUNNING);
    await expect(
      enterNest({ context, rules: [Hookless], transforms: [Exploding], recorder }),
    ).rejects.toThrow('transform failed');
    expect(recorder.names()).toEqual([
      'Hookless.beforeTransition',
      'Exploding.beforeTransition',
      'Hookless.afterTransition',
    ]);
  });

  it('exits on disposal when a test fails before exit', async () => {
    const recorder = new HookRecorder();
    const context = testEnvironment().context(PENDING, RUNNING);
    const failingTest = async (): Promise<void> => {
      await using _nest = await enterNest({ context, rules: [Hookless], recorder });
      throw new Error('assertion failed');
    };
    await expect(failingTest()).rejects.toThrow('assertion failed');
    expect(recorder.names()).toEqual(['Hookless.beforeTransition', 'Hookless.afterTransition']);
  });

  it('does not exit twice when disposed after an explicit exit', async () => {
    const recorder = new HookRecorder();
    const context = testEnvironment().context(PENDING, RUNNING);
    {
      await using nest = await enterNest({ context, rules: [Hookless], recorder });
      await nest.exit();
    }
    expect(recorder.names()).toEqual(['Hookless.beforeTransition', 'Hookless.afterTransition']);
  });

  it('can be exited in a try/finally, for runners without await using', async () => {
    const context = testEnvironment().context(PENDING, RUNNING);
    const nest = await enterNest({ context, rules: [Hookless] });
    try {
      await nest.validate(echo);
    } finally {
      await nest.exit();
    }
    expect(nest.exited).toBe(true);
    expect(context.finalizationSignature).toEqual(['Hookless']);
  });

  it('throws when asked for a class it holds no single instance of', async () => {
    const context = testEnvironment().context(PENDING, RUNNING);
    await using nest = await enterNest({ context, rules: [Hookless, Hookless] });
    expect(() => nest.instance(Hookless)).toThrow(
      'The nest holds 2 instances of Hookless, expected exactly one (entered: Hookless, Hookless). Pass the class itself, as listed in rules or transforms.',
    );
    expect(() => nest.instance(Boom)).toThrow(
      'The nest holds 0 instances of Boom, expected exactly one (entered: Hookless, Hookless).',
    );
  });

  it('throws when validated or exited twice', async () => {
    const context = testEnvironment().context(PENDING, RUNNING);
    const nest = await enterNest({ context, rules: [Hookless] });
    await nest.validate(echo);
    await expect(nest.validate(echo)).rejects.toThrow(
      'This nest was already validated: a transition is validated once. Enter a new nest to validate again.',
    );
    await nest.exit();
    await expect(nest.exit()).rejects.toThrow(
      'This nest has already exited: every instance exits once. Drop the second exit() (await using exits only when needed).',
    );
  });
});
