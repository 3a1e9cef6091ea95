/**
 * Random policy projects for the differential property test: state sets of 1 to ~260
 * names (hostile ones included: quotes, backslashes, newlines, `*\/`, `${`, unicode,
 * lone surrogates, line separators, equal-length names one character apart), rules and
 * transforms with literal, computed (differences, unions), inherited, `ANY_STATE` and
 * empty FROM/TO sets including `null`, policies with random priorities (repeats
 * allowed), rules shared across policies and policies extending policies.
 *
 * `writeRandomProjects` renders them as TypeScript modules, one per project. This writer is the test's
 * own (JSON.stringify for literals), independent of the emitter under test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

type SetSpec =
  | { kind: 'literal'; members: (string | null)[] }
  | { kind: 'difference'; minus: (string | null)[] }
  | { kind: 'union'; a: (string | null)[]; b: (string | null)[] }
  | { kind: 'any' }
  | { kind: 'none' }
  | { kind: 'inherit' };

export interface RandomRule {
  kind: 'rule' | 'transform';
  /** The state set its literal members come from; -1: universal (only null, ANY, none). */
  stateSet: number;
  /** Index of an earlier rule of the same kind and state set it extends, or -1. */
  base: number;
  from: SetSpec;
  to: SetSpec;
}

interface RandomPolicy {
  /** Index into `stateSets`, or -1 for the reference states (no STATES declared). */
  stateSet: number;
  /** Index of an earlier policy with the same state set it extends, or -1. */
  base: number;
  /** Rule indices (repeats allowed); only rules of its state set or universal ones. */
  priority: number[];
}

export interface RandomProject {
  stateSets: string[][];
  rules: RandomRule[];
  policies: RandomPolicy[];
}

const REFERENCE = [
  'SCHEDULED',
  'PENDING',
  'RUNNING',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'CRASHED',
  'PAUSED',
  'CANCELLING',
];

const HOSTILE = [
  "it's",
  'say "hi"',
  'back\\slash',
  'new\nline',
  'cr\rlf',
  '*/ end of comment',
  '/* start of comment',
  '${template}',
  '`backtick`',
  'naïve',
  '😀',
  'a\u2028b',
  'p\u2029q',
  '\ud800',
  '\udfff lone',
  'tab\there',
  '\u0000',
  ' ',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'toString',
];

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

const stateName: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[A-Z][A-Z_]{0,11}$/) },
  { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 10, unit: anyCodeUnit }) },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 6, unit: 'binary' }) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
);

/** Equal-length names, each differing from a base name in one position. */
const lookalikes: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.string({ minLength: 2, maxLength: 16, unit: anyCodeUnit }),
    fc.integer({ min: 2, max: 40 }),
  )
  .map(([base, count]) => {
    const names = new Set<string>([base]);
    for (let i = 0; names.size < count && i < count * 4; i++) {
      const at = i % base.length;
      const code = (base.charCodeAt(at) + 1 + Math.floor(i / base.length)) % 0xffff;
      names.add(base.slice(0, at) + String.fromCharCode(code) + base.slice(at + 1));
    }
    return [...names];
  });

const stateSet: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 14, arbitrary: fc.uniqueArray(stateName, { minLength: 1, maxLength: 12 }) },
  { weight: 4, arbitrary: fc.uniqueArray(stateName, { minLength: 13, maxLength: 64 }) },
  { weight: 3, arbitrary: lookalikes },
);

/** 250 to 260 names: the matrix has up to 261² cells, so these are kept to one per batch. */
const largeStateSet: fc.Arbitrary<string[]> = fc.uniqueArray(stateName, {
  minLength: 250,
  maxLength: 260,
});

function universeOf(sets: readonly string[][], index: number): (string | null)[] {
  return [...(index < 0 ? REFERENCE : (sets[index] as string[])), null];
}

function setSpec(universe: (string | null)[], canInherit: boolean): fc.Arbitrary<SetSpec> {
  const subset = fc.subarray(universe);
  return fc.oneof(
    { weight: 5, arbitrary: subset.map((members): SetSpec => ({ kind: 'literal', members })) },
    { weight: 2, arbitrary: subset.map((minus): SetSpec => ({ kind: 'difference', minus })) },
    {
      weight: 2,
      arbitrary: fc.tuple(subset, subset).map(([a, b]): SetSpec => ({ kind: 'union', a, b })),
    },
    { weight: 1, arbitrary: fc.constant<SetSpec>({ kind: 'any' }) },
    { weight: 1, arbitrary: fc.constant<SetSpec>({ kind: 'none' }) },
    { weight: canInherit ? 2 : 0, arbitrary: fc.constant<SetSpec>({ kind: 'inherit' }) },
  );
}

/** One random project with up to three state sets of 1 to 64 names. */
export const randomProject: fc.Arbitrary<RandomProject> = projectOver(
  fc.array(stateSet, { minLength: 0, maxLength: 3 }),
);

/** One random project whose first state set has 250 to 260 names, used by its first policy. */
export const randomLargeProject: fc.Arbitrary<RandomProject> = projectOver(
  fc
    .tuple(largeStateSet, fc.array(stateSet, { maxLength: 1 }))
    .map(([large, others]) => [large, ...others]),
).map((project) => ({
  ...project,
  policies: project.policies.map((policy, i) => onLargeSet(project, policy, i)),
}));

/** The first policy moved onto the large state set (keeping only rules it may list); its heirs follow it. */
function onLargeSet(project: RandomProject, policy: RandomPolicy, index: number): RandomPolicy {
  const usable = (r: number): boolean => {
    const rule = project.rules[r] as RandomRule;
    return rule.stateSet === 0 || isUniversal(project.rules, rule);
  };
  if (index === 0) return { stateSet: 0, base: -1, priority: policy.priority.filter(usable) };
  if (policy.base === 0) return { ...policy, base: policy.stateSet === 0 ? 0 : -1 };
  return policy;
}

function projectOver(stateSets: fc.Arbitrary<string[][]>): fc.Arbitrary<RandomProject> {
  return stateSets.chain((stateSets) => {
    const setIndex = fc.integer({ min: -1, max: stateSets.length - 1 });
    const rule = (index: number): fc.Arbitrary<RandomRule> =>
      fc
        .tuple(
          fc.constantFrom<'rule' | 'transform'>('rule', 'rule', 'transform'),
          setIndex,
          fc.integer({ min: -1, max: index - 1 }),
        )
        .chain(([kind, set, base]) => {
          const universe = universeOf(stateSets, set);
          return fc.record({
            kind: fc.constant(kind),
            stateSet: fc.constant(set),
            base: fc.constant(base),
            from: setSpec(universe, base >= 0),
            to: setSpec(universe, base >= 0),
          });
        });
    return fc.integer({ min: 0, max: 8 }).chain((ruleCount) =>
      fc.tuple(...Array.from({ length: ruleCount }, (_, i) => rule(i))).chain((drafts) => {
        // A rule extends an earlier rule of the same kind and state set, or nothing.
        const rules = drafts.map((draft, index) => {
          const base =
            draft.base >= 0 &&
            drafts[draft.base]?.kind === draft.kind &&
            drafts[draft.base]?.stateSet === draft.stateSet
              ? draft.base
              : -1;
          const fix = (spec: SetSpec): SetSpec =>
            spec.kind === 'inherit' && base < 0 ? { kind: 'none' } : spec;
          return {
            ...draft,
            base: base < index ? base : -1,
            from: fix(draft.from),
            to: fix(draft.to),
          };
        });
        const policy = fc.tuple(
          setIndex,
          fc.integer({ min: -1, max: 3 }),
          fc.array(fc.nat(), { maxLength: 8 }),
        );
        return fc.array(policy, { minLength: 1, maxLength: 4 }).map((drafts2): RandomProject => {
          const policies: RandomPolicy[] = [];
          drafts2.forEach(([set, base, picks]) => {
            const usable = rules
              .map((r, i) => ({ r, i }))
              .filter(({ r }) => r.stateSet === set || isUniversal(rules, r));
            const priority =
              usable.length === 0
                ? []
                : picks.map((pick) => (usable[pick % usable.length] as { i: number }).i);
            const extended =
              base >= 0 && base < policies.length && policies[base]?.stateSet === set ? base : -1;
            policies.push({ stateSet: set, base: extended, priority });
          });
          return { stateSets, rules, policies };
        });
      }),
    );
  });
}

/** A rule whose sets (its own or inherited) name no state, so that every policy may list it. */
function isUniversal(rules: readonly RandomRule[], rule: RandomRule): boolean {
  const base = rules[rule.base];
  return [rule.from, rule.to].every(
    (spec) =>
      spec.kind === 'any' ||
      spec.kind === 'none' ||
      (spec.kind === 'inherit' && (base === undefined || isUniversal(rules, base))),
  );
}

/** Class names of project `p`'s classes: prefixed so that projects can share one config. */
export const names = {
  rule: (p: number, i: number, rule: RandomRule) =>
    `P${p}${rule.kind === 'transform' ? 'Transform' : 'Rule'}${i}`,
  policy: (p: number, i: number) => `P${p}Policy${i}`,
  set: (p: number, i: number) => `P${p}_STATES_${i}`,
};

/**
 * Writes each project as one module `src/p<N>.ts` (state sets, set helpers, rules,
 * policies) under `root`; returns the modules (project-relative) for the config.
 * `runtime` is the import specifier of the runtime from `src/`.
 */
export function writeRandomProjects(
  root: string,
  projects: readonly RandomProject[],
  runtime: string,
): string[] {
  mkdirSync(path.join(root, 'src'), { recursive: true });
  return projects.map((project, p) => {
    const lit = (value: string | null): string => (value === null ? 'null' : JSON.stringify(value));
    const list = (values: readonly (string | null)[]): string => `[${values.map(lit).join(', ')}]`;
    const lines = [
      'import {',
      '  ANY_STATE,',
      '  NO_STATES,',
      '  OrchestrationPolicy,',
      '  OrchestrationRule,',
      '  STATE_TYPES,',
      '  UniversalTransform,',
      '  type RuleClass,',
      '  type StateName,',
      '  type StateSet,',
      `} from ${JSON.stringify(runtime)};`,
      ...project.stateSets.map((set, i) => `const ${names.set(p, i)}: StateName[] = ${list(set)};`),
      'function difference(universe: readonly (StateName | null)[], minus: readonly (StateName | null)[]): Set<StateName | null> {',
      '  return new Set(universe.filter((state) => !minus.includes(state)));',
      '}',
      'function universe(states: readonly StateName[] | undefined): (StateName | null)[] {',
      '  return [...(states ?? STATE_TYPES), null];',
      '}',
    ];

    const setExpression = (spec: SetSpec, set: number): string | undefined => {
      const all = `universe(${set < 0 ? 'undefined' : names.set(p, set)})`;
      switch (spec.kind) {
        case 'literal':
          return `new Set<StateName | null>(${list(spec.members)})`;
        case 'difference':
          return `difference(${all}, ${list(spec.minus)})`;
        case 'union':
          return `new Set<StateName | null>([...${list(spec.a)}, ...${list(spec.b)}])`;
        case 'any':
          return 'ANY_STATE';
        case 'none':
          return 'NO_STATES';
        case 'inherit':
          return undefined;
      }
    };
    project.rules.forEach((rule, i) => {
      const base =
        rule.base >= 0
          ? names.rule(p, rule.base, project.rules[rule.base] as RandomRule)
          : rule.kind === 'transform'
            ? 'UniversalTransform'
            : 'OrchestrationRule';
      lines.push(`export class ${names.rule(p, i, rule)} extends ${base} {`);
      const from = setExpression(rule.from, rule.stateSet);
      const to = setExpression(rule.to, rule.stateSet);
      if (from !== undefined) lines.push(`  static override FROM_STATES: StateSet = ${from};`);
      if (to !== undefined) lines.push(`  static override TO_STATES: StateSet = ${to};`);
      lines.push('}');
    });

    const ruleNames = project.rules.map((rule, i) => names.rule(p, i, rule));
    project.policies.forEach((policy, i) => {
      const own = policy.priority.map((r) => ruleNames[r]).join(', ');
      const base = policy.base >= 0 ? names.policy(p, policy.base) : 'OrchestrationPolicy';
      lines.push(`export class ${names.policy(p, i)} extends ${base} {`);
      if (policy.stateSet >= 0 && policy.base < 0) {
        lines.push(`  static override STATES = [...${names.set(p, policy.stateSet)}];`);
      }
      lines.push('  static override priority(): RuleClass[] {');
      lines.push(
        policy.base >= 0 ? `    return [...super.priority(), ${own}];` : `    return [${own}];`,
      );
      lines.push('  }', '}');
    });
    lines.push('');
    writeFileSync(path.join(root, 'src', `p${p}.ts`), lines.join('\n'));
    return `./src/p${p}.ts`;
  });
}
