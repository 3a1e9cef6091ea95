/**
 * `orchestrateSync`: the same orchestration as `orchestrate`, returned (or thrown)
 * synchronously, for hooks and commits that never return a promise; an
 * `AsyncHookError` naming the hook or the commit that does, with the context left as
 * it was at that point (docs/orchestration-semantics.md, "The synchronous entry point").
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  AsyncHookError,
  createState,
  describeError,
  orchestrate,
  orchestrateSync,
  OrchestrationError,
  OrchestrationRule,
  UniversalTransform,
  type CommitState,
  type RuleClass,
  type State,
} from '../../src/index.ts';
import { FakeStore, testContext, type TestContext } from './support/test-context.ts';
import { ALL_PAIRS, otherType } from './support/universe.ts';

const universe = ALL_ORCHESTRATION_STATES;

/**
 * Journals every hook. The hooks keep the base class's return type (a hook may return a
 * promise), so that the asynchronous rules below can override them.
 */
abstract class Noting extends OrchestrationRule<TestContext> {
  static override FROM_STATES = universe;
  static override TO_STATES = universe;
  protected note(c: TestContext, hook: 'before' | 'after' | 'cleanup'): void {
    c.journal.push(`${this.constructor.name}.${hook}`);
  }
  override beforeTransition(
    _i: State | null,
    _p: State | null,
    c: TestContext,
  ): void | Promise<void> {
    this.note(c, 'before');
  }
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
class Outer extends Noting {}
class Rejecting extends Noting {
  override beforeTransition(i: State | null, p: State | null, c: TestContext): void {
    this.note(c, 'before');
    const env = { clock: c.clock, random: c.random };
    if (p?.type === 'RUNNING')
      this.rejectTransition(createState(otherType(i?.type ?? null, 'RUNNING'), {}, env));
  }
}
class Throwing extends Noting {
  override beforeTransition(_i: State | null, p: State | null, c: TestContext): void {
    this.note(c, 'before');
    if (p?.type === 'FAILED') throw new OrchestrationError('refused');
  }
}
class Hookless extends OrchestrationRule<TestContext> {
  static override FROM_STATES = universe;
  static override TO_STATES = universe;
}
class Bookkeeping extends UniversalTransform<TestContext> {
  override afterTransition(c: TestContext): void {
    c.journal.push('Bookkeeping.after');
  }
}

const RULES: RuleClass<TestContext>[] = [Outer, Hookless, Rejecting, Throwing];

/** What an orchestration left behind, and how it ended. */
function outcome(context: TestContext, ended: { result?: unknown; error?: unknown }) {
  return {
    ended: 'error' in ended ? `threw ${describeError(ended.error)}` : ended.result,
    journal: context.journal,
    ruleSignature: context.ruleSignature,
    finalizationSignature: context.finalizationSignature,
    status: context.responseStatus,
  };
}

describe(orchestrateSync.name, () => {
  it('returns exactly what orchestrate resolves to, and leaves the same context, for every pair', async () => {
    for (const [from, to] of ALL_PAIRS) {
      const viaPromise = testContext(from, to);
      const viaSync = testContext(from, to);
      const options = { rules: RULES, transforms: [Bookkeeping] };
      const awaited = await orchestrate({
        context: viaPromise,
        ...options,
        commit: new FakeStore().commit,
      }).then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      let direct: { result?: unknown; error?: unknown };
      try {
        direct = {
          result: orchestrateSync({ context: viaSync, ...options, commit: new FakeStore().commit }),
        };
      } catch (error) {
        direct = { error };
      }
      expect(outcome(viaSync, direct), `${from} → ${to}`).toEqual(outcome(viaPromise, awaited));
    }
  });

  it('returns the result itself, not a promise', () => {
    const context = testContext('PENDING', 'RUNNING');
    const result = orchestrateSync({ context, rules: [Outer], commit: new FakeStore().commit });
    expect(result).not.toBeInstanceOf(Promise);
    expect(result.state?.type).toBe('RUNNING');
    expect(result.status).toBe('ACCEPT');
  });

  describe('a hook or commit that returns a promise', () => {
    class AsyncBefore extends Noting {
      override async beforeTransition(_i: State | null, _p: State | null, c: TestContext) {
        this.note(c, 'before');
        await Promise.resolve();
        this.abortTransition('too late: the orchestration was abandoned');
      }
    }
    class AsyncAfter extends Noting {
      override async afterTransition(_i: State | null, _v: State | null, c: TestContext) {
        this.note(c, 'after');
      }
    }
    class AsyncCleanup extends Noting {
      override async cleanup(_i: State | null, _v: State | null, c: TestContext) {
        this.note(c, 'cleanup');
      }
    }
    class AsyncTransform extends UniversalTransform<TestContext> {
      override async beforeTransition(): Promise<void> {
        throw new Error('rejected later, never unhandled');
      }
    }

    function stopped(
      rules: RuleClass<TestContext>[],
      transforms: RuleClass<TestContext>[] = [],
      commit?: CommitState<TestContext>,
    ) {
      const context = testContext('PENDING', 'RUNNING');
      let thrown: unknown;
      try {
        orchestrateSync({ context, rules, transforms, commit: commit ?? new FakeStore().commit });
      } catch (error) {
        thrown = error;
      }
      return { context, thrown: thrown as AsyncHookError };
    }

    it('throws an AsyncHookError naming a before hook, and stops there: nothing later enters, nothing exits', async () => {
      const { context, thrown } = stopped([Outer, AsyncBefore, Rejecting], [Bookkeeping]);
      expect(thrown).toBeInstanceOf(AsyncHookError);
      expect(thrown.hook).toBe('AsyncBefore.beforeTransition');
      expect(thrown.message).toMatch(
        /^AsyncBefore\.beforeTransition returned a promise, but orchestrateSync/,
      );
      const at = {
        journal: ['Outer.before', 'AsyncBefore.before'],
        ruleSignature: ['Outer'],
        responseStatus: 'ACCEPT',
      };
      expect(context).toMatchObject(at);
      // The hook's promise settles; its outcome (the signature) is dropped.
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(context).toMatchObject(at);
      expect(context.finalizationSignature).toEqual([]);
      expect(context.proposedStateType).toBe('RUNNING');
      expect(context.orchestrationError).toBeNull();
    });

    it('names an after hook and stops there: the rules around it do not exit', () => {
      const { context, thrown } = stopped([Outer, AsyncAfter, Hookless]);
      expect(thrown.hook).toBe('AsyncAfter.afterTransition');
      expect(context.journal).toEqual([
        'Outer.before',
        'AsyncAfter.before',
        'commit',
        'AsyncAfter.after',
      ]);
      expect(context.validatedState?.type).toBe('RUNNING');
      expect(context.finalizationSignature).toEqual(['Hookless']);
    });

    it('names a cleanup', () => {
      const { context, thrown } = stopped([AsyncCleanup, Rejecting]);
      expect(thrown.hook).toBe('AsyncCleanup.cleanup');
      expect(context.journal).toEqual([
        'AsyncCleanup.before',
        'Rejecting.before',
        'commit',
        'Rejecting.after',
        'AsyncCleanup.cleanup',
      ]);
    });

    it("names a transform's hook, and swallows the rejection that follows", async () => {
      const { context, thrown } = stopped([Outer], [AsyncTransform]);
      expect(thrown.hook).toBe('AsyncTransform.beforeTransition');
      expect(context.ruleSignature).toEqual(['Outer']);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(context.ruleSignature).toEqual(['Outer']);
    });

    it('names the commit, and drops the validated state it resolves to', async () => {
      const store = new FakeStore();
      const { context, thrown } = stopped([Outer], [], async (proposed, c) =>
        store.commit(proposed, c),
      );
      expect(thrown.hook).toBe('commit');
      expect(context.journal).toEqual(['Outer.before', 'commit']);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(context.validatedState).toBeNull();
      expect(context.finalizationSignature).toEqual([]);
    });
  });
});
