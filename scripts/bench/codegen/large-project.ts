/**
 * Writes the synthetic project of the `generate-large` case under .tmp/: 64 states,
 * 500 rules (480 rules and 20 universal transforms, in ten modules of 50) and 20
 * policies over the 64-state set, plus its policy-matrix config. Drawn from a fixed
 * seed, so every run compiles the same project.
 *
 * The FROM/TO sets mix what real projects write: literal sets of a few states (most
 * rules), sets computed from the state list (a slice, the whole list minus a few, a
 * spread with null), and the full universe. Each policy lists 25 to 75 rules; every
 * rule is listed by at least one policy, so the compiler evaluates all 500.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { seededRandom, type RandomSource } from '../../../src/index.ts';
import { benchConfigSource } from './bench-config-source.ts';

export const LARGE_PROJECT = {
  states: 64,
  rules: 500,
  transforms: 20,
  policies: 20,
  rulesPerModule: 50,
} as const;

export interface LargeProject {
  dir: string;
  config: string;
  outDir: string;
}

/** Writes the project into `dir` (cleared first); `root` is the repository root. */
export function writeLargeProject(root: string, dir: string): LargeProject {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const toRoot = relative(dir, root).split('\\').join('/');
  const random = seededRandom(5);
  const { states, rules, transforms, policies, rulesPerModule } = LARGE_PROJECT;
  const stateNames = Array.from(
    { length: states },
    (_, i) => `STATE_${String(i).padStart(2, '0')}`,
  );
  const ruleName = (i: number): string =>
    `${i < rules - transforms ? 'Rule' : 'Transform'}${String(i).padStart(3, '0')}`;
  const moduleName = (i: number): string =>
    `rules-${String(Math.floor(i / rulesPerModule)).padStart(2, '0')}.ts`;

  writeFileSync(
    join(dir, 'states.ts'),
    [
      '// Written by scripts/bench/codegen/large-project.ts: the state set of the synthetic project.',
      `export const LARGE_STATES = [${stateNames.map((s) => `'${s}'`).join(', ')}] as const;`,
      '',
      '/** The states from index `from` (inclusive) to `to` (exclusive). */',
      'export const statesBetween = (from: number, to: number): string[] => LARGE_STATES.slice(from, to);',
      '',
      '/** Every state but `excluded`, and null. */',
      'export const everyStateBut = (...excluded: string[]): Set<string | null> =>',
      '  new Set([...LARGE_STATES.filter((s) => !excluded.includes(s)), null]);',
      '',
    ].join('\n'),
  );

  const modules: string[] = [];
  for (let start = 0; start < rules; start += rulesPerModule) {
    const file = moduleName(start);
    modules.push(`./${file}`);
    const lines = [
      '// Written by scripts/bench/codegen/large-project.ts: rules of the synthetic project.',
      `import { ${start + rulesPerModule > rules - transforms ? 'OrchestrationRule, UniversalTransform' : 'OrchestrationRule'} } from '${toRoot}/src/index.ts';`,
      "import { everyStateBut, LARGE_STATES, statesBetween } from './states.ts';",
      '',
    ];
    for (let i = start; i < start + rulesPerModule; i++) {
      if (i >= rules - transforms) {
        lines.push(`export class ${ruleName(i)} extends UniversalTransform {}`, '');
        continue;
      }
      lines.push(
        `export class ${ruleName(i)} extends OrchestrationRule {`,
        `  static override FROM_STATES = ${stateSet(random, stateNames)};`,
        `  static override TO_STATES = ${stateSet(random, stateNames)};`,
        '}',
        '',
      );
    }
    writeFileSync(join(dir, file), lines.join('\n'));
  }

  const listed = Array.from({ length: policies }, () => new Set<number>());
  for (let i = 0; i < rules; i++) listed[i % policies]!.add(i);
  for (const set of listed) {
    const size = 25 + Math.floor(random.random() * 51);
    while (set.size < size) set.add(Math.floor(random.random() * rules));
  }
  const imports = new Map<string, string[]>();
  for (let i = 0; i < rules; i++) {
    const file = moduleName(i);
    imports.set(file, [...(imports.get(file) ?? []), ruleName(i)]);
  }
  const policyLines = [
    '// Written by scripts/bench/codegen/large-project.ts: the policies of the synthetic project.',
    `import { OrchestrationPolicy, type RuleClass } from '${toRoot}/src/index.ts';`,
    "import { LARGE_STATES } from './states.ts';",
    ...[...imports].map(([file, names]) => `import { ${names.join(', ')} } from './${file}';`),
    '',
  ];
  listed.forEach((set, p) => {
    const order = shuffled(random, [...set]);
    policyLines.push(
      `export class LargePolicy${String(p).padStart(2, '0')} extends OrchestrationPolicy {`,
      '  static override STATES = LARGE_STATES;',
      '  static override priority(): readonly RuleClass[] {',
      `    return [${order.map(ruleName).join(', ')}];`,
      '  }',
      '}',
      '',
    );
  });
  writeFileSync(join(dir, 'policies.ts'), policyLines.join('\n'));
  modules.push('./policies.ts');

  const config = join(dir, 'policy-matrix.config.ts');
  writeFileSync(
    config,
    benchConfigSource(
      'scripts/bench/codegen/large-project.ts: config of the synthetic project',
      toRoot,
      modules,
    ),
  );
  return { dir, config, outDir: join(dir, 'generated') };
}

/** A FROM or TO set expression: mostly a few literal states, sometimes computed or universal. */
function stateSet(random: RandomSource, states: readonly string[]): string {
  const roll = random.random();
  if (roll < 0.6) {
    const count = 1 + Math.floor(random.random() * 4);
    const picked = new Set<string | null>();
    while (picked.size < count)
      picked.add(
        random.random() < 0.05 ? null : states[Math.floor(random.random() * states.length)]!,
      );
    return `new Set<string | null>([${[...picked].map((s) => (s === null ? 'null' : `'${s}'`)).join(', ')}])`;
  }
  if (roll < 0.8) {
    const from = Math.floor(random.random() * (states.length - 8));
    const to = from + 4 + Math.floor(random.random() * (states.length - from - 4));
    return `new Set<string | null>(statesBetween(${from}, ${to}))`;
  }
  if (roll < 0.95) {
    const excluded = Array.from(
      { length: 1 + Math.floor(random.random() * 3) },
      () => states[Math.floor(random.random() * states.length)]!,
    );
    return `everyStateBut(${excluded.map((s) => `'${s}'`).join(', ')})`;
  }
  return 'new Set<string | null>([...LARGE_STATES, null])';
}

function shuffled<T>(random: RandomSource, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
