/**
 * orchestratePolicy: one orchestration straight from a policy and a global policy,
 * either as classes (the dynamic filter) or as CompiledPolicies (the matrices). Both
 * routes must run the same hooks in the same order and return the same result.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  createState,
  OrchestrationPolicy,
  orchestratePolicy,
  SetStateStatus,
  StateType,
  type RuleClass,
  type RuleSource,
  type State,
} from '../../src/index.ts';
import { compileInMemory } from './support/compile-in-memory.ts';
import {
  FakeStore,
  JournalRule,
  JournalTransform,
  testContext,
  type TestContext,
} from './support/test-context.ts';
import { ALL_PAIRS } from './support/universe.ts';

const { PENDING, RUNNING, FAILED, SCHEDULED } = StateType;

class RetryFailures extends JournalRule {
  static override FROM_STATES = new Set([RUNNING]);
  static override TO_STATES = new Set([FAILED]);

  override async beforeTransition(i: State | null, p: State | null, c: TestContext): Promise<void> {
    await super.beforeTransition(i, p, c);
    this.rejectTransition(
      createState(SCHEDULED, { name: 'AwaitingRetry' }, { clock: c.clock, random: c.random }),
      'retrying',
    );
  }
}
class Audit extends JournalRule {
  static override FROM_STATES = ALL_ORCHESTRATION_STATES;
  static override TO_STATES = ALL_ORCHESTRATION_STATES;
}
class SetStateType extends JournalTransform {
  override async beforeTransition(context: TestContext): Promise<void> {
    await super.beforeTransition(context);
    if (!this.nullifiedTransition())
      context.journal.push(`state type := ${context.proposedStateType}`);
  }
}
class SetStateName extends JournalTransform {}

class CorePolicy extends OrchestrationPolicy {
  static override priority(): RuleClass[] {
    return [Audit, RetryFailures];
  }
}
class MinimalPolicy extends OrchestrationPolicy {}
class GlobalPolicy extends OrchestrationPolicy {
  static override priority(): RuleClass[] {
    return [SetStateType, SetStateName];
  }
}

async function runWith(
  policy: RuleSource,
  globalPolicy: RuleSource | undefined,
  from: StateType | null,
  to: StateType | null,
) {
  const context = testContext(from, to);
  const store = new FakeStore();
  const result = await orchestratePolicy({ context, policy, globalPolicy, commit: store.commit });
  return { context, result, store };
}

describe(orchestratePolicy.name, () => {
  const compiledCore = compileInMemory(CorePolicy);
  const compiledGlobal = compileInMemory(GlobalPolicy);

  it.each(ALL_PAIRS)(
    'runs the same hooks from classes and from compiled matrices, for %s → %s',
    async (from, to) => {
      const dynamic = await runWith(CorePolicy, GlobalPolicy, from, to);
      const compiled = await runWith(compiledCore, compiledGlobal, from, to);
      expect(compiled.context.journal).toEqual(dynamic.context.journal);
      expect(compiled.result).toEqual(dynamic.result);
      expect(compiled.context.ruleSignature).toEqual(dynamic.context.ruleSignature);
      expect(compiled.context.finalizationSignature).toEqual(dynamic.context.finalizationSignature);
    },
  );

  it('nests the policy rules around the global transforms', async () => {
    const { context, result } = await runWith(CorePolicy, GlobalPolicy, RUNNING, FAILED);
    expect(context.journal).toEqual([
      'Audit.before',
      'RetryFailures.before',
      'SetStateType.before',
      'state type := SCHEDULED',
      'SetStateName.before',
      'commit',
      'SetStateName.after',
      'SetStateType.after',
      'Audit.cleanup',
    ]);
    expect(result.status).toBe(SetStateStatus.REJECT);
    expect(result.state?.name).toBe('AwaitingRetry');
  });

  it('runs only the transforms with a minimal policy (Prefect force)', async () => {
    const { context, result } = await runWith(MinimalPolicy, GlobalPolicy, RUNNING, FAILED);
    expect(context.journal).toEqual([
      'SetStateType.before',
      'state type := FAILED',
      'SetStateName.before',
      'commit',
      'SetStateName.after',
      'SetStateType.after',
    ]);
    expect(result.state?.type).toBe(FAILED);
  });

  it('runs no transforms without a global policy', async () => {
    const { context } = await runWith(CorePolicy, undefined, PENDING, RUNNING);
    expect(context.journal).toEqual(['Audit.before', 'commit', 'Audit.after']);
  });

  it.each([
    ['policy class', CorePolicy],
    ['compiled policy', compiledCore],
  ] as const)('rejects an unknown state from a %s before any hook runs', async (_kind, policy) => {
    const context = testContext(PENDING, null);
    context.proposedState = createState('DONE');
    const store = new FakeStore();
    await expect(
      orchestratePolicy({ context, policy, globalPolicy: GlobalPolicy, commit: store.commit }),
    ).rejects.toThrow(
      new TypeError(
        'Unknown state "DONE" for policy CorePolicy: expected one of SCHEDULED, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, CRASHED, PAUSED, CANCELLING or null.',
      ),
    );
    expect(context.journal).toEqual([]);
    expect(store.writes).toEqual([]);
  });
});
