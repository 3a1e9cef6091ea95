/**
 * HookRecorder and snapshotContext: the order of hook calls across a nest, and what
 * the real context held just before each one.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  OrchestrationRule,
  SetStateStatus,
  StateType,
  UniversalTransform,
  type OrchestrationContext,
  type State,
} from '../../../src/index.ts';
import {
  enterNest,
  HookRecorder,
  snapshotContext,
  testEnvironment,
} from '../../../src/testing/index.ts';

const { PENDING, RUNNING } = StateType;

class Delay extends OrchestrationRule {
  static override FROM_STATES = ALL_ORCHESTRATION_STATES;
  static override TO_STATES = ALL_ORCHESTRATION_STATES;
  override async beforeTransition(): Promise<void> {
    this.delayTransition(30, 'not yet');
  }
}

class Outer extends OrchestrationRule {
  static override FROM_STATES = ALL_ORCHESTRATION_STATES;
  static override TO_STATES = ALL_ORCHESTRATION_STATES;
  override async cleanup(): Promise<void> {}
}

class Count extends UniversalTransform {}

describe(HookRecorder.name, () => {
  it('records the hooks of a nest in order, with validation, and the cleanup of a rule that fizzled', async () => {
    const recorder = new HookRecorder();
    const context = testEnvironment().context(PENDING, RUNNING);
    await using nest = await enterNest({
      context,
      rules: [Outer, Delay],
      transforms: [Count],
      recorder,
    });
    await nest.validate((proposed) => proposed);
    await nest.exit();
    expect(recorder.names()).toEqual([
      'Outer.beforeTransition',
      'Delay.beforeTransition',
      'Count.beforeTransition',
      'validate',
      'Count.afterTransition',
      'Delay.afterTransition',
      'Outer.cleanup',
    ]);
  });

  it('snapshots the real context just before each hook, unaffected by later changes', async () => {
    const recorder = new HookRecorder();
    const context = testEnvironment().context(PENDING, RUNNING);
    await using nest = await enterNest({ context, rules: [Outer, Delay], recorder });
    await nest.validate((proposed) => proposed);
    const [before] = recorder.callsOf('Delay', 'beforeTransition');
    const validate = recorder.calls.find((call) => call.hook === 'validate')!;
    expect(before!.snapshot.proposedState?.type).toBe(RUNNING);
    expect(before!.snapshot.ruleSignature).toEqual(['Outer']);
    expect(validate.snapshot.proposedState).toBeNull();
    expect(validate.snapshot.responseStatus).toBe(SetStateStatus.WAIT);
    expect(validate.snapshot.ruleSignature).toEqual(['Outer', 'Delay']);
  });

  it('records a hook the class does not override, as the no-op the runtime skips', async () => {
    class Plain extends OrchestrationRule<OrchestrationContext> {
      static override FROM_STATES = ALL_ORCHESTRATION_STATES;
      static override TO_STATES = ALL_ORCHESTRATION_STATES;
    }
    const recorder = new HookRecorder();
    const context = testEnvironment().context(PENDING, RUNNING);
    await using nest = await enterNest({ context, rules: [Plain], recorder });
    await nest.exit();
    expect(recorder.names()).toEqual(['Plain.beforeTransition', 'Plain.afterTransition']);
    expect(context.ruleSignature).toEqual(['Plain']);
    expect(context.finalizationSignature).toEqual(['Plain']);
  });
});

describe(snapshotContext.name, () => {
  it('copies states, parameters and signatures, so changing the context later changes nothing', () => {
    const env = testEnvironment();
    const context = env.context(PENDING, RUNNING, { parameters: { a: 1 } });
    const snapshot = snapshotContext(context);
    context.proposedState!.name = 'Changed';
    context.parameters['a'] = 2;
    context.ruleSignature.push('Later');
    expect(snapshot.proposedState?.name).toBe('Running');
    expect(snapshot.parameters).toEqual({ a: 1 });
    expect(snapshot.ruleSignature).toEqual([]);
    expect(snapshot.initialState).toEqual(context.initialState as State);
  });
});
