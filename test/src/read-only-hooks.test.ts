/**
 * `declareReadOnlyHooks`: a declared rule's hooks receive the real states and context
 * instead of copies; everything else about the rule is unchanged. The declaration
 * holds for the exact class (a subclass gets copies again) and is honoured from the
 * next transition on, even for a class that was orchestrated before.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  declareReadOnlyHooks,
  orchestrate,
  OrchestrationRule,
  type RuleClass,
  type State,
} from '../../src/index.ts';
import { FakeStore, testContext, type TestContext } from './support/test-context.ts';

interface Seen {
  before: [State | null, State | null, TestContext];
  after: [State | null, State | null, TestContext];
}

/** A rule class that records the objects its before and after hooks receive. */
function recordingRule(): RuleClass<TestContext> & { seen: Seen[] } {
  return class Recording extends OrchestrationRule<TestContext> {
    static override FROM_STATES = ALL_ORCHESTRATION_STATES;
    static override TO_STATES = ALL_ORCHESTRATION_STATES;
    static seen: Seen[] = [];
    override beforeTransition(i: State | null, p: State | null, c: TestContext): void {
      Recording.seen.push({ before: [i, p, c] } as Seen);
    }
    override afterTransition(i: State | null, v: State | null, c: TestContext): void {
      Recording.seen.at(-1)!.after = [i, v, c];
    }
  };
}

/** Orchestrates PENDING → RUNNING through `Rule`; returns the context and what its hooks saw. */
async function run(Rule: RuleClass<TestContext> & { seen: Seen[] }) {
  const context = testContext('PENDING', 'RUNNING');
  const proposed = context.proposedState;
  const result = await orchestrate({ context, rules: [Rule], commit: new FakeStore().commit });
  return { context, proposed, result, seen: Rule.seen.at(-1)! };
}

describe(declareReadOnlyHooks.name, () => {
  it('hands a declared rule the real states and context', async () => {
    const Rule = recordingRule();
    declareReadOnlyHooks(Rule);
    const { context, proposed, seen } = await run(Rule);
    expect(seen.before[0]).toBe(context.initialState);
    expect(seen.before[1]).toBe(proposed);
    expect(seen.before[2]).toBe(context);
    expect(seen.after[1]).toBe(context.validatedState);
    expect(seen.after[2]).toBe(context);
  });

  it('still hands an undeclared rule copies', async () => {
    const Rule = recordingRule();
    const { context, proposed, seen } = await run(Rule);
    expect(seen.before[1]).toEqual(proposed);
    expect(seen.before[1]).not.toBe(proposed);
    expect(seen.before[2]).not.toBe(context);
    expect(seen.after[1]).not.toBe(context.validatedState);
  });

  it('changes nothing else: same signatures, status and validated state', async () => {
    const Plain = recordingRule();
    const Declared = recordingRule();
    declareReadOnlyHooks(Declared);
    const plain = await run(Plain);
    const declared = await run(Declared);
    expect(declared.result).toEqual(plain.result);
    expect(declared.context.ruleSignature).toEqual(plain.context.ruleSignature);
    expect(declared.context.finalizationSignature).toEqual(plain.context.finalizationSignature);
  });

  it('holds for the exact class only: a subclass of a declared rule gets copies again', async () => {
    const Base = recordingRule();
    declareReadOnlyHooks(Base);
    class Sub extends Base {}
    const { context, seen } = await run(Sub);
    expect(seen.before[2]).not.toBe(context);
  });

  it('is honoured from the next transition on when made after the class was orchestrated', async () => {
    const Rule = recordingRule();
    const first = await run(Rule);
    expect(first.seen.before[2]).not.toBe(first.context);
    declareReadOnlyHooks(Rule);
    const second = await run(Rule);
    expect(second.seen.before[2]).toBe(second.context);
  });
});
