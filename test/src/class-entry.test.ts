/**
 * `orchestrate` enters each class through code generated for it at run time, or
 * through the generic path where code generation is forbidden (src/class-entry.ts).
 * These tests play such a platform (a `Function` that throws an `EvalError`, as under
 * a content-security policy without `unsafe-eval`) and pin that both paths behave
 * identically, hook by hook, for every pair, on policies that exercise every shape of
 * class: hookless, hooked (sync and async, mutating, throwing, assigning on copies,
 * read-only), overriding `enter`, and transforms.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  createState,
  declareReadOnlyHooks,
  describeError,
  orchestrate,
  OrchestrationRule,
  StateType,
  UniversalTransform,
  type RuleClass,
  type State,
  type StateName,
} from '../../src/index.ts';
import { classEntry, forgetClassEntries } from '../../src/class-entry.ts';
import { FakeStore, testContext, type TestContext } from './support/test-context.ts';
import { ALL_PAIRS, otherType, universeWithout } from './support/universe.ts';

const universe = ALL_ORCHESTRATION_STATES;

/** Rules that journal every hook and keep their instances for `invalid()` / `fizzled()`. */
abstract class Journaled extends OrchestrationRule<TestContext> {
  static override FROM_STATES = universe;
  static override TO_STATES = universe;
  constructor(context: TestContext, from: StateName | null, to: StateName | null) {
    super(context, from, to);
    context.instances.push(this);
  }
  protected note(context: TestContext, event: string): void {
    context.journal.push(`${this.constructor.name}.${event}`);
  }
  // The base class's return type (a hook may return a promise): AsyncHooks overrides
  // these with asynchronous hooks.
  override afterTransition(
    _i: State | null,
    _v: State | null,
    c: TestContext,
  ): void | Promise<void> {
    this.note(c, 'after');
  }
  override cleanup(_i: State | null, _v: State | null, c: TestContext): void | Promise<void> {
    this.note(c, 'cleanup');
  }
}

class HooklessWide extends OrchestrationRule<TestContext> {
  static override FROM_STATES = universe;
  static override TO_STATES = universe;
}
class HooklessNarrow extends OrchestrationRule<TestContext> {
  static override FROM_STATES = new Set<StateName | null>(['RUNNING', 'PENDING', null]);
  static override TO_STATES = universeWithout(null);
}
class Rejecter extends Journaled {
  static override TO_STATES = universeWithout(null);
  override beforeTransition(i: State | null, p: State | null, c: TestContext): void {
    this.note(c, 'before');
    this.rejectTransition(createState(otherType(i?.type ?? null, p?.type ?? null)), 'no');
  }
}
class SameTypeRejecter extends Journaled {
  override beforeTransition(_i: State | null, p: State | null, c: TestContext): void {
    this.note(c, 'before');
    if (p !== null) this.rejectTransition(createState(p.type, { name: 'Again' }), 'again');
  }
}
class Delayer extends Journaled {
  static override TO_STATES = universeWithout(null);
  override beforeTransition(_i: State | null, _p: State | null, c: TestContext): void {
    this.note(c, 'before');
    this.delayTransition(5, 'later');
  }
}
class Aborter extends Journaled {
  static override FROM_STATES = universeWithout('PENDING');
  override beforeTransition(_i: State | null, _p: State | null, c: TestContext): void {
    this.note(c, 'before');
    this.abortTransition('stop');
  }
}
class Thrower extends Journaled {
  override beforeTransition(_i: State | null, _p: State | null, c: TestContext): void {
    this.note(c, 'before');
    throw new Error('before failed');
  }
}
class AfterThrower extends Journaled {
  override afterTransition(_i: State | null, _v: State | null, c: TestContext): void {
    this.note(c, 'after');
    throw new Error('after failed');
  }
}
class AsyncHooks extends Journaled {
  override async beforeTransition(_i: State | null, _p: State | null, c: TestContext) {
    await Promise.resolve();
    this.note(c, 'before');
  }
  override async afterTransition(_i: State | null, _v: State | null, c: TestContext) {
    await Promise.resolve();
    this.note(c, 'after');
  }
  override async cleanup(_i: State | null, _v: State | null, c: TestContext) {
    await Promise.resolve();
    this.note(c, 'cleanup');
  }
}
class AsyncThrower extends Journaled {
  override async beforeTransition(_i: State | null, _p: State | null, c: TestContext) {
    this.note(c, 'before');
    await Promise.resolve();
    throw new Error('async before failed');
  }
}
class Assigner extends Journaled {
  override beforeTransition(i: State | null, p: State | null, c: TestContext): void {
    this.note(c, `before saw ${String(c.parameters.seen)}`);
    if (p !== null) p.type = StateType.CRASHED;
    if (i !== null) i.name = 'renamed on a copy';
    c.parameters.seen = 'assigned on a copy';
    c.responseStatus = 'ABORT';
    this.updateContextParameters('stored', true);
  }
}
class Reader extends Journaled {
  override beforeTransition(i: State | null, p: State | null, c: TestContext): void {
    this.note(c, `before ${i?.type ?? null}→${p?.type ?? null} ${String(c.parameters.stored)}`);
    this.renameState('Read');
  }
}
declareReadOnlyHooks(Reader);
class OwnEnter extends Journaled {
  override enter(): void | Promise<void> {
    (this as unknown as { _context: TestContext })._context.journal.push('OwnEnter.enter');
    return super.enter();
  }
}
class HooklessTransform extends UniversalTransform<TestContext> {}
class HookedTransform extends UniversalTransform<TestContext> {
  override beforeTransition(c: TestContext): void {
    c.journal.push(`HookedTransform.before nullified=${this.nullifiedTransition()}`);
  }
  override async afterTransition(c: TestContext): Promise<void> {
    c.journal.push('HookedTransform.after');
  }
}
/** Overrides only `exceptionInTransition`: must be constructed for its exit to ask it. */
class StubbornTransform extends UniversalTransform<TestContext> {
  override exceptionInTransition(): boolean {
    return false;
  }
}
class NullifiedThrowingTransform extends UniversalTransform<TestContext> {
  override afterTransition(c: TestContext): void {
    c.journal.push('NullifiedThrowingTransform.after');
    if (this.nullifiedTransition()) throw new Error('nullified');
  }
}

const POLICIES: { rules: RuleClass<TestContext>[]; transforms: RuleClass<TestContext>[] }[] = [
  {
    rules: [HooklessWide, Rejecter, HooklessNarrow, AsyncHooks],
    transforms: [HookedTransform, HooklessTransform],
  },
  {
    rules: [AsyncHooks, Thrower, HooklessWide, Reader],
    transforms: [HookedTransform, StubbornTransform],
  },
  { rules: [Assigner, Reader, Aborter, Delayer, HooklessNarrow], transforms: [] },
  {
    rules: [OwnEnter, SameTypeRejecter, AfterThrower, HooklessNarrow],
    transforms: [HooklessTransform],
  },
  {
    rules: [HooklessWide, AsyncThrower, Journaled as never, Delayer],
    transforms: [NullifiedThrowingTransform],
  },
  {
    rules: [Reader, HooklessNarrow, Rejecter],
    transforms: [NullifiedThrowingTransform, HookedTransform],
  },
].map((policy) => ({
  ...policy,
  rules: policy.rules.filter((rule) => rule !== (Journaled as never)),
}));

/** Everything observable about one orchestration. */
async function observe(
  policy: (typeof POLICIES)[number],
  from: StateName | null,
  to: StateName | null,
): Promise<unknown> {
  const context = testContext(from, to, { parameters: { seen: 'seeded' } });
  let outcome = 'returned';
  try {
    await orchestrate({ context, ...policy, commit: new FakeStore().commit });
  } catch (error) {
    outcome = `threw ${describeError(error)}`;
  }
  return {
    outcome,
    journal: context.journal,
    ruleSignature: context.ruleSignature,
    finalizationSignature: context.finalizationSignature,
    status: context.responseStatus,
    details: context.responseDetails,
    proposed: context.proposedState && [context.proposedState.type, context.proposedState.name],
    validated: context.validatedState?.type ?? null,
    parameters: context.parameters,
    instances: context.instances.map((rule) =>
      rule instanceof OrchestrationRule
        ? [rule.constructor.name, rule.invalid(), rule.fizzled(), rule.toType]
        : [rule.constructor.name],
    ),
  };
}

async function observeAll(): Promise<unknown[]> {
  const observed: unknown[] = [];
  for (const policy of POLICIES) {
    for (const [from, to] of ALL_PAIRS) observed.push(await observe(policy, from, to));
  }
  return observed;
}

/** Runs `body` on a platform whose `Function` throws, as under a strict CSP. */
async function withoutCodeGeneration<T>(body: () => Promise<T>): Promise<T> {
  vi.stubGlobal('Function', function forbidden() {
    throw new EvalError('Code generation from strings disallowed for this context');
  });
  forgetClassEntries({ generateAfter: 1 });
  try {
    return await body();
  } finally {
    vi.unstubAllGlobals();
    forgetClassEntries({ generateAfter: 1 });
  }
}

/** Orchestrates PENDING → RUNNING through `rules`; returns the context. */
async function once(rules: RuleClass<TestContext>[], transforms: RuleClass<TestContext>[] = []) {
  const context = testContext('PENDING', 'RUNNING');
  await orchestrate({ context, rules, transforms, commit: new FakeStore().commit });
  return context;
}

beforeEach(() => {
  // Generate each class's code at its first entry, so that every run below takes the
  // generated path unless code generation is forbidden.
  forgetClassEntries({ generateAfter: 1 });
});

afterEach(() => {
  vi.unstubAllGlobals();
  forgetClassEntries();
});

describe('class entries', () => {
  const shapes = [HooklessWide, Rejecter, AsyncHooks, Reader, OwnEnter];
  const transformShapes = [HooklessTransform, HookedTransform];

  it('generates the entry code of rule and transform classes where code generation is allowed', async () => {
    await once(shapes, transformShapes);
    for (const Rule of [...shapes, ...transformShapes]) {
      expect(classEntry(Rule).generated, Rule.name).toBe(true);
    }
  });

  it('falls back to the generic path for every class where code generation is forbidden', async () => {
    await withoutCodeGeneration(async () => {
      const context = await once([HooklessWide, Reader], transformShapes);
      expect(context.ruleSignature).toEqual([
        'HooklessWide',
        'Reader',
        'HooklessTransform',
        'HookedTransform',
      ]);
      for (const Rule of [HooklessWide, Reader, ...transformShapes]) {
        expect(classEntry(Rule).generated, Rule.name).toBe(false);
      }
    });
  });

  it("switches a class to generated code at its eighth entry, while earlier entries' scopes are still open", async () => {
    forgetClassEntries();
    const rules = [HooklessWide, AsyncHooks, HooklessNarrow];
    const contexts = Array.from({ length: 10 }, () => testContext('PENDING', 'RUNNING'));
    // All ten enter before any exits: the first seven on the generic path, the rest
    // through generated code; all exit through generated code.
    const generatedAtEntry: boolean[] = [];
    const runs = contexts.map((context) => {
      const running = orchestrate({
        context,
        rules,
        transforms: transformShapes,
        commit: new FakeStore().commit,
      });
      generatedAtEntry.push(classEntry(HooklessWide).generated);
      return running;
    });
    await Promise.all(runs);
    expect(generatedAtEntry).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
    for (const context of contexts) {
      expect(context.ruleSignature).toEqual([
        'HooklessWide',
        'AsyncHooks',
        'HooklessNarrow',
        'HooklessTransform',
        'HookedTransform',
      ]);
      expect(context.finalizationSignature).toEqual([
        'HookedTransform',
        'HooklessTransform',
        'HooklessNarrow',
        'AsyncHooks',
        'HooklessWide',
      ]);
      expect(context.journal).toEqual([
        'AsyncHooks.before',
        'HookedTransform.before nullified=false',
        'commit',
        'HookedTransform.after',
        'AsyncHooks.after',
      ]);
    }
  });

  it('takes the generic path under node --disallow-code-generation-from-strings', () => {
    const script = fileURLToPath(
      new URL('../fixtures/no-code-generation/orchestrate.ts', import.meta.url),
    );
    const output = execFileSync(
      process.execPath,
      ['--disallow-code-generation-from-strings', '--import', 'tsx', script],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(output)).toEqual({
      generationForbidden: true,
      generated: [false, false],
      status: 'ACCEPT',
      name: 'Renamed',
      ruleSignature: ['Renaming', 'Bookkeeping'],
      finalizationSignature: ['Bookkeeping', 'Renaming'],
    });
  });

  it('behaves identically on both paths, hook by hook, for every pair and every shape of class', async () => {
    const generated = await observeAll();
    const generic = await withoutCodeGeneration(observeAll);
    expect(generic).toHaveLength(POLICIES.length * ALL_PAIRS.length);
    expect(generated).toEqual(generic);
  });
});
