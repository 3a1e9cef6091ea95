/**
 * A deterministic orchestration context for the runtime tests, a fake store whose
 * `commit` validates states the way Prefect's `validate_proposed_state` does, and journalling
 * base classes that record every hook they run.
 */
import {
  createState,
  ManualClock,
  OrchestrationContext,
  OrchestrationRule,
  seededRandom,
  UniversalTransform,
  copyState,
  type CommitState,
  type State,
  type StateName,
} from '../../../src/index.ts';

/** The run record the tests orchestrate: its id and current state. */
export interface TestRun {
  id: string;
  state: State | null;
  /** A counter that rules with side effects add to and their cleanups subtract from. */
  sideEffects: number;
}

/**
 * An `OrchestrationContext` that also carries a journal of hook events
 * (`"Rule.before"`, `"commit"`, ...) and every rule instance created for it, so that
 * tests can ask each instance `invalid()` / `fizzled()` once orchestration is over.
 * Both are ordinary fields, shared by the copies hooks receive.
 */
export class TestContext extends OrchestrationContext<TestRun> {
  journal: string[] = [];
  instances: (OrchestrationRule<TestContext> | UniversalTransform<TestContext>)[] = [];

  /** The instance of `Rule` created for this context (exactly one must exist). */
  instance<R extends OrchestrationRule<TestContext> | UniversalTransform<TestContext>>(
    Rule: abstract new (...args: never[]) => R,
  ): R {
    const found = this.instances.filter((rule): rule is R => rule.constructor === Rule);
    if (found.length !== 1)
      throw new Error(`Expected one ${Rule.name} instance, found ${found.length}.`);
    return found[0]!;
  }
}

const START = '2023-02-01T12:00:00.000Z';

/**
 * A context for the transition `from → to` with a manual clock at `START` and a seeded
 * random source. The run's current state is the initial state.
 */
export function testContext(
  from: StateName | null,
  to: StateName | null,
  options: { parameters?: Record<string, unknown> } = {},
): TestContext {
  const clock = new ManualClock(START);
  const random = seededRandom(7);
  const env = { clock, random };
  const initialState = from === null ? null : createState(from, {}, env);
  const proposedState = to === null ? null : createState(to, {}, env);
  return new TestContext({
    run: { id: 'run-1', state: initialState, sideEffects: 0 },
    initialState,
    proposedState,
    parameters: options.parameters ?? {},
    clock,
    random,
  });
}

/**
 * An in-memory store for one run. `commit` is the validation step: a null proposal
 * writes nothing and returns the run's current state; a state is stored (a copy) as
 * the run's new current state and returned. With `failWith` set, committing a state
 * throws it, like a failed flush.
 */
export class FakeStore {
  writes: State[] = [];
  failWith: unknown = undefined;
  failing = false;

  readonly commit: CommitState<TestContext> = (proposed, context) => {
    context.journal.push('commit');
    if (this.failing) throw this.failWith;
    if (proposed === null) return context.run.state;
    const stored = copyState(proposed);
    this.writes.push(stored);
    context.run.state = stored;
    return copyState(stored);
  };

  /** Makes every later commit throw `error`. */
  fail(error: unknown): this {
    this.failing = true;
    this.failWith = error;
    return this;
  }
}

/**
 * A rule that journals each hook it runs (`Name.before`, `Name.after`,
 * `Name.cleanup`) and registers itself on the context. Subclasses set FROM/TO and
 * call `super` in the hooks they override.
 */
export abstract class JournalRule extends OrchestrationRule<TestContext> {
  protected readonly journal: string[];

  constructor(context: TestContext, from: StateName | null, to: StateName | null) {
    super(context, from, to);
    context.instances.push(this);
    this.journal = context.journal;
  }

  override async beforeTransition(
    _i: State | null,
    _p: State | null,
    _c: TestContext,
  ): Promise<void> {
    this.journal.push(`${this.constructor.name}.before`);
  }

  override async afterTransition(
    _i: State | null,
    _v: State | null,
    _c: TestContext,
  ): Promise<void> {
    this.journal.push(`${this.constructor.name}.after`);
  }

  override async cleanup(_i: State | null, _v: State | null, _c: TestContext): Promise<void> {
    this.journal.push(`${this.constructor.name}.cleanup`);
  }
}

/** A universal transform that journals its hooks and registers itself on the context. */
export abstract class JournalTransform extends UniversalTransform<TestContext> {
  constructor(context: TestContext, from: StateName | null, to: StateName | null) {
    super(context, from, to);
    context.instances.push(this);
  }

  override async beforeTransition(context: TestContext): Promise<void> {
    context.journal.push(`${this.constructor.name}.before`);
  }

  override async afterTransition(context: TestContext): Promise<void> {
    context.journal.push(`${this.constructor.name}.after`);
  }
}
