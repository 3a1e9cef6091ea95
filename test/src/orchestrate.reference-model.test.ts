/**
 * orchestrate against a reference model: random policies (rules with random FROM/TO
 * sets and random before-hook actions, transforms inside the policy and in a global
 * policy, errors in hooks, failing validation) are run through `orchestrate` and
 * through a literal, synchronous port of Prefect's BaseOrchestrationRule /
 * BaseUniversalTransform context managers nested in an AsyncExitStack
 * (docs/orchestration-semantics.md). Hooks run, signatures, status, details, the validated
 * state and the outcome must be identical. Deterministic: fixed seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createState,
  defaultStateName,
  describeError,
  orchestrate,
  OrchestrationRule,
  STATE_TYPES,
  UniversalTransform,
  type RuleClass,
  type State,
  type StateName,
} from '../../src/index.ts';
import { FakeStore, testContext, type TestContext } from './support/test-context.ts';
import { UNIVERSE } from './support/universe.ts';

type Type = StateName | null;

type RuleAction =
  | { op: 'none' }
  | { op: 'reject'; type: Type }
  | { op: 'rejectSameType' }
  | { op: 'delay' }
  | { op: 'abort' }
  | { op: 'throw' }
  | { op: 'rename' };
type TransformAction = { op: 'none' } | { op: 'throw' } | { op: 'changeInitial'; type: StateName };

interface RuleSpec {
  kind: 'rule';
  from: ReadonlySet<Type>;
  to: ReadonlySet<Type>;
  before: RuleAction;
  afterThrows: boolean;
  cleanupThrows: boolean;
}
interface TransformSpec {
  kind: 'transform';
  before: TransformAction;
  afterThrows: boolean;
}
type Spec = RuleSpec | TransformSpec;

interface Case {
  policy: Spec[];
  global: TransformSpec[];
  from: Type;
  to: Type;
  commitFails: boolean;
}

/** What both sides report. */
interface Observation {
  journal: string[];
  ruleSignature: string[];
  finalizationSignature: string[];
  status: string;
  details: unknown;
  validated: { type: string; name: string } | null;
  outcome: string;
}

const NO_STATE_MESSAGE =
  'The run has no state, so this transition cannot be rejected without a new state: ' +
  'pass a state to rejectTransition, or abort instead.';

// ---------------------------------------------------------------------------------
// The reference model: Prefect's algorithm over types and names only.
// ---------------------------------------------------------------------------------

/** An error in the model, carrying what `describeError` would say of the real one. */
class ModelError extends Error {
  constructor(readonly description: string) {
    super(description);
  }
}

function model(testCase: Case, names: string[], globalNames: string[]): Observation {
  const { from, to } = testCase;
  const ctx = {
    initial: from,
    proposed: to,
    proposedName: to === null ? null : defaultStateName(to),
    status: 'ACCEPT',
    details: { type: 'accept_details' } as unknown,
    error: null as Error | null,
    validated: null as { type: string; name: string } | null,
    journal: [] as string[],
    sig: [] as string[],
    fin: [] as string[],
  };
  interface Instance {
    spec: Spec;
    name: string;
    fromType: Type;
    toType: Type;
    invalidOnEntry: boolean | null;
  }

  const invalidTransition = (i: Instance) =>
    i.fromType !== ctx.initial || i.toType !== ctx.proposed;
  const invalid = (i: Instance): boolean => {
    const spec = i.spec as RuleSpec;
    if (!spec.from.has(i.fromType)) i.invalidOnEntry = true;
    if (!spec.to.has(i.toType)) i.invalidOnEntry = true;
    if (i.invalidOnEntry === null) i.invalidOnEntry = invalidTransition(i);
    return i.invalidOnEntry;
  };
  const fizzled = (i: Instance): boolean => (i.invalidOnEntry ? false : invalidTransition(i));

  const runRuleAction = (i: Instance, action: RuleAction) => {
    const reject = (type: Type, name: string, reason: string) => {
      if (type === null) {
        if (i.fromType === null) throw new ModelError(`OrchestrationError: ${NO_STATE_MESSAGE}`);
        i.toType = null;
        ctx.proposed = null;
        ctx.proposedName = null;
      } else {
        i.toType = type;
        ctx.proposed = type;
        ctx.proposedName = name;
      }
      ctx.status = 'REJECT';
      ctx.details = { type: 'reject_details', reason };
    };
    switch (action.op) {
      case 'none':
        return;
      case 'reject':
        return reject(action.type, 'Substitute', `${i.name} rejects`);
      case 'rejectSameType':
        return reject(ctx.proposed, 'Same type', `${i.name} rejects`);
      case 'delay':
        i.toType = null;
        ctx.proposed = null;
        ctx.proposedName = null;
        ctx.status = 'WAIT';
        ctx.details = { type: 'wait_details', delaySeconds: 7, reason: `${i.name} delays` };
        return;
      case 'abort':
        i.toType = null;
        ctx.proposed = null;
        ctx.proposedName = null;
        ctx.status = 'ABORT';
        ctx.details = { type: 'abort_details', reason: `${i.name} aborts` };
        return;
      case 'throw':
        throw new ModelError(`Error: ${i.name} failed`);
      case 'rename':
        if (ctx.proposed !== null) ctx.proposedName = `Renamed by ${i.name}`;
        return;
    }
  };

  // __aenter__
  const enter = (i: Instance) => {
    if (i.spec.kind === 'transform') {
      ctx.journal.push(`${i.name}.before`);
      const action = i.spec.before;
      if (action.op === 'throw') throw new ModelError(`Error: ${i.name} failed`);
      if (action.op === 'changeInitial') ctx.initial = action.type;
      ctx.sig.push(i.name);
      return;
    }
    if (invalid(i)) return;
    try {
      ctx.journal.push(`${i.name}.before`);
      runRuleAction(i, i.spec.before);
      ctx.sig.push(i.name);
    } catch (error) {
      const description = (error as ModelError).description;
      ctx.proposed = null;
      ctx.proposedName = null;
      ctx.status = 'ABORT';
      ctx.details = {
        type: 'abort_details',
        reason: `Aborting orchestration due to error in ${i.name}: ${description}`,
      };
      ctx.error = error as Error;
    }
  };

  // __aexit__
  const exit = (i: Instance) => {
    if (i.spec.kind === 'transform') {
      if (ctx.error !== null) return;
      ctx.journal.push(`${i.name}.after`);
      if (i.spec.afterThrows) throw new ModelError(`Error: ${i.name}.after failed`);
      ctx.fin.push(i.name);
      return;
    }
    if (invalid(i)) return;
    if (fizzled(i)) {
      ctx.journal.push(`${i.name}.cleanup`);
      if (i.spec.cleanupThrows) throw new ModelError(`Error: ${i.name}.cleanup failed`);
      return;
    }
    ctx.journal.push(`${i.name}.after`);
    if (i.spec.afterThrows) throw new ModelError(`Error: ${i.name}.after failed`);
    ctx.fin.push(i.name);
  };

  const validate = () => {
    ctx.journal.push('commit');
    if (testCase.commitFails) {
      ctx.proposed = null;
      ctx.proposedName = null;
      ctx.status = 'ABORT';
      ctx.details = {
        type: 'abort_details',
        reason: 'Error validating state: Error: flush failed',
      };
      return;
    }
    ctx.validated =
      ctx.proposed !== null
        ? { type: ctx.proposed, name: ctx.proposedName! }
        : from === null
          ? null
          : { type: from, name: defaultStateName(from) };
  };

  // compile_transition_rules, then the AsyncExitStack of set_*_run_state.
  const compiled = testCase.policy
    .map((spec, index) => ({ spec, name: names[index]! }))
    .filter(({ spec }) => spec.kind === 'transform' || (spec.from.has(from) && spec.to.has(to)));
  const all = [
    ...compiled,
    ...testCase.global.map((spec, index) => ({ spec, name: globalNames[index]! })),
  ];
  const entered: Instance[] = [];
  let escaping: Error | null = null;
  try {
    for (const { spec, name } of all) {
      const instance: Instance = { spec, name, fromType: from, toType: to, invalidOnEntry: null };
      enter(instance);
      entered.push(instance);
    }
    validate();
  } catch (error) {
    escaping = error as Error;
  }
  for (const instance of entered.reverse()) {
    try {
      exit(instance);
    } catch (error) {
      escaping = error as Error;
    }
  }
  const outcome =
    escaping !== null
      ? `rejected: ${(escaping as ModelError).description}`
      : ctx.error !== null
        ? `rejected: ${(ctx.error as ModelError).description}`
        : 'resolved';
  return {
    journal: ctx.journal,
    ruleSignature: ctx.sig,
    finalizationSignature: ctx.fin,
    status: ctx.status,
    details: ctx.details,
    validated: ctx.validated,
    outcome,
  };
}

// ---------------------------------------------------------------------------------
// The implementation under test: classes built from the same specs.
// ---------------------------------------------------------------------------------

function named<T extends abstract new (...args: never[]) => unknown>(cls: T, name: string): T {
  return Object.defineProperty(cls, 'name', { value: name });
}

function ruleClass(spec: RuleSpec, name: string): RuleClass<TestContext> {
  class Generated extends OrchestrationRule<TestContext> {
    static override FROM_STATES = spec.from;
    static override TO_STATES = spec.to;

    override async beforeTransition(
      _i: State | null,
      proposed: State | null,
      context: TestContext,
    ): Promise<void> {
      context.journal.push(`${name}.before`);
      const action = spec.before;
      switch (action.op) {
        case 'none':
          return;
        case 'reject':
          return this.rejectTransition(
            action.type === null ? null : createState(action.type, { name: 'Substitute' }, context),
            `${name} rejects`,
          );
        case 'rejectSameType':
          return this.rejectTransition(
            proposed === null ? null : createState(proposed.type, { name: 'Same type' }, context),
            `${name} rejects`,
          );
        case 'delay':
          return this.delayTransition(7, `${name} delays`);
        case 'abort':
          return this.abortTransition(`${name} aborts`);
        case 'throw':
          throw new Error(`${name} failed`);
        case 'rename':
          return this.renameState(`Renamed by ${name}`);
      }
    }

    override async afterTransition(
      _i: State | null,
      _v: State | null,
      context: TestContext,
    ): Promise<void> {
      context.journal.push(`${name}.after`);
      if (spec.afterThrows) throw new Error(`${name}.after failed`);
    }

    override async cleanup(
      _i: State | null,
      _v: State | null,
      context: TestContext,
    ): Promise<void> {
      context.journal.push(`${name}.cleanup`);
      if (spec.cleanupThrows) throw new Error(`${name}.cleanup failed`);
    }
  }
  return named(Generated, name);
}

function transformClass(spec: TransformSpec, name: string): RuleClass<TestContext> {
  class Generated extends UniversalTransform<TestContext> {
    override async beforeTransition(context: TestContext): Promise<void> {
      context.journal.push(`${name}.before`);
      if (spec.before.op === 'throw') throw new Error(`${name} failed`);
      if (spec.before.op === 'changeInitial')
        context.initialState = createState(spec.before.type, {}, context);
    }

    override async afterTransition(context: TestContext): Promise<void> {
      context.journal.push(`${name}.after`);
      if (spec.afterThrows) throw new Error(`${name}.after failed`);
    }
  }
  return named(Generated, name);
}

async function implementation(
  testCase: Case,
  names: string[],
  globalNames: string[],
): Promise<Observation> {
  const { from, to } = testCase;
  const classes = testCase.policy.map((spec, index) =>
    spec.kind === 'rule' ? ruleClass(spec, names[index]!) : transformClass(spec, names[index]!),
  );
  // Prefect's dynamic filter (`compile_transition_rules`), as a policy would apply it.
  const rules = classes.filter((cls) => cls.FROM_STATES.has(from) && cls.TO_STATES.has(to));
  const transforms = testCase.global.map((spec, index) =>
    transformClass(spec, globalNames[index]!),
  );
  const context = testContext(from, to);
  const store = new FakeStore();
  if (testCase.commitFails) store.fail(new Error('flush failed'));
  let outcome = 'resolved';
  try {
    const result = await orchestrate({ context, rules, transforms, commit: store.commit });
    expect(result.state).toBe(context.validatedState);
  } catch (error) {
    outcome = `rejected: ${describeError(error)}`;
  }
  const validated = context.validatedState;
  return {
    journal: context.journal,
    ruleSignature: context.ruleSignature,
    finalizationSignature: context.finalizationSignature,
    status: context.responseStatus,
    details: context.responseDetails,
    validated: validated === null ? null : { type: validated.type, name: validated.name },
    outcome,
  };
}

// ---------------------------------------------------------------------------------
// Random cases.
// ---------------------------------------------------------------------------------

const typeArb = fc.constantFrom(...UNIVERSE);
const stateArb: fc.Arbitrary<StateName> = fc.constantFrom(...STATE_TYPES);
const setArb = fc.oneof(
  { weight: 2, arbitrary: fc.constant(new Set(UNIVERSE) as ReadonlySet<Type>) },
  {
    weight: 3,
    arbitrary: fc.subarray([...UNIVERSE]).map((states) => new Set(states) as ReadonlySet<Type>),
  },
);
const rareBoolean = fc.integer({ min: 0, max: 9 }).map((n) => n === 0);
const ruleActionArb: fc.Arbitrary<RuleAction> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ op: 'none' as const }) },
  { weight: 2, arbitrary: typeArb.map((type) => ({ op: 'reject' as const, type })) },
  { weight: 1, arbitrary: fc.constant({ op: 'rejectSameType' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'delay' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'abort' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'throw' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'rename' as const }) },
);
const ruleArb: fc.Arbitrary<RuleSpec> = fc.record({
  kind: fc.constant('rule' as const),
  from: setArb,
  to: setArb,
  before: ruleActionArb,
  afterThrows: rareBoolean,
  cleanupThrows: rareBoolean,
});
const transformArb: fc.Arbitrary<TransformSpec> = fc.record({
  kind: fc.constant('transform' as const),
  before: fc.oneof(
    { weight: 6, arbitrary: fc.constant({ op: 'none' as const }) },
    { weight: 1, arbitrary: fc.constant({ op: 'throw' as const }) },
    { weight: 2, arbitrary: stateArb.map((type) => ({ op: 'changeInitial' as const, type })) },
  ),
  afterThrows: rareBoolean,
});
const caseArb: fc.Arbitrary<Case> = fc.record({
  policy: fc.array(
    fc.oneof({ weight: 5, arbitrary: ruleArb }, { weight: 1, arbitrary: transformArb }),
    {
      maxLength: 6,
    },
  ),
  global: fc.array(transformArb, { maxLength: 3 }),
  from: typeArb,
  to: typeArb,
  commitFails: rareBoolean,
});

describe(`${orchestrate.name} against a reference model of Prefect's loop`, () => {
  it('agrees on hooks, signatures, status, details, validated state and outcome for random policies', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (testCase) => {
        const names = testCase.policy.map(
          (spec, index) => `${spec.kind === 'rule' ? 'R' : 'T'}${index}`,
        );
        const globalNames = testCase.global.map((_, index) => `G${index}`);
        const expected = model(testCase, names, globalNames);
        const actual = await implementation(testCase, names, globalNames);
        expect(actual).toEqual(expected);
      }),
      { seed: 20230201, numRuns: 1000 },
    );
  });
});
