/**
 * Writes the "machinery" policies of the orchestration benchmark as a small project
 * under .tmp/ (a policy module and a policy-matrix config), for the real compiler to
 * compile into matrices at startup: the honest route to generated matrices of rules
 * that have the Orion rules' FROM/TO sets and nothing else.
 *
 * The module declares, per rule of the real CoreTaskPolicy and GlobalTaskPolicy, a
 * class of the same name whose FROM_STATES and TO_STATES *are* the real rule's sets
 * (read from the preset when the compiler evaluates the module, so they cannot drift),
 * with no hooks; a `…Hooked` subclass of each that overrides its hooks with empty plain
 * methods, for the variant in which the runtime cannot skip them; and a `…HookedAsync`
 * subclass whose empty hooks are `async` (each returns a promise). Policies:
 * `MachineryCoreTaskPolicy`, `MachineryGlobalTaskPolicy` and their `Hooked…` and
 * `HookedAsync…` twins.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PolicyShape } from './policy-shape.ts';
import { benchConfigSource } from '../codegen/bench-config-source.ts';

export interface MachineryProject {
  /** The project folder. */
  dir: string;
  /** Its policy-matrix config file. */
  config: string;
  /** The policy module (import it for the policy classes). */
  module: string;
  /** The output folder the config names. */
  outDir: string;
}

/** The hooks of a machinery variant: none, empty plain methods, empty async methods. */
export type MachineryHooks = 'none' | 'plain' | 'async';

const HOOK_SUFFIX: Record<MachineryHooks, string> = {
  none: '',
  plain: 'Hooked',
  async: 'HookedAsync',
};

/** The machinery policies' names for a shape and a hook variant. */
export const machineryPolicyName = (shape: PolicyShape, hooks: MachineryHooks): string =>
  `${HOOK_SUFFIX[hooks]}Machinery${shape.name}`;

/**
 * Writes the project for `core` and `global` (shapes of the preset's task policies)
 * into `dir`; `root` is the repository root the project imports the runtime from.
 */
export function writeMachineryProject(
  root: string,
  dir: string,
  core: PolicyShape,
  global: PolicyShape,
): MachineryProject {
  mkdirSync(dir, { recursive: true });
  const toRoot = relative(dir, root).split('\\').join('/');
  const module = join(dir, 'machinery-policies.ts');
  const config = join(dir, 'policy-matrix.config.ts');
  const outDir = join(dir, 'generated');
  writeFileSync(module, machinerySource(toRoot, core, global));
  writeFileSync(
    config,
    benchConfigSource(
      'scripts/bench/orchestration/machinery-project.ts on every bench run',
      toRoot,
      ['./machinery-policies.ts'],
    ),
  );
  return { dir, config, module, outDir };
}

function machinerySource(toRoot: string, core: PolicyShape, global: PolicyShape): string {
  const rules = new Map<string, 'rule' | 'transform'>();
  for (const rule of [...core.priority, ...global.priority]) rules.set(rule.name, rule.kind);
  const lines = [
    '// Written by scripts/bench/orchestration/machinery-project.ts on every bench run: the',
    "// Orion task policies' rules with their real FROM/TO sets and no hooks (and",
    '// `…Hooked` and `…HookedAsync` twins of each with empty hooks), for the orchestration benchmark.',
    `import { OrchestrationPolicy, OrchestrationRule, UniversalTransform, type RuleClass } from '${toRoot}/src/index.ts';`,
    `import { ${core.name}, ${global.name} } from '${toRoot}/src/orion/index.ts';`,
    '',
    `const realRules: readonly RuleClass[] = [...${core.name}.priority(), ...${global.name}.priority()];`,
    '',
    '/** The real rule named `name`: its sets are what the machinery rule declares. */',
    'function real(name: string): RuleClass {',
    '  const rule = realRules.find((r) => r.name === name);',
    '  if (rule === undefined) throw new Error(`The preset no longer lists ${name}; rerun the bench to rewrite this module.`);',
    '  return rule;',
    '}',
    '',
  ];
  for (const [name, kind] of rules) {
    const base = kind === 'transform' ? 'UniversalTransform' : 'OrchestrationRule';
    lines.push(
      `export class ${name} extends ${base} {`,
      `  static override FROM_STATES = real('${name}').FROM_STATES;`,
      `  static override TO_STATES = real('${name}').TO_STATES;`,
      '}',
      '',
      `export class ${name}Hooked extends ${name} {`,
      `  override beforeTransition(): void {}`,
      `  override afterTransition(): void {}`,
      '}',
      '',
      `export class ${name}HookedAsync extends ${name} {`,
      `  override async beforeTransition(): Promise<void> {}`,
      `  override async afterTransition(): Promise<void> {}`,
      '}',
      '',
    );
  }
  for (const shape of [core, global]) {
    for (const hooks of ['none', 'plain', 'async'] as const) {
      const names = shape.priority.map((r) => `${r.name}${HOOK_SUFFIX[hooks]}`);
      lines.push(
        `export class ${machineryPolicyName(shape, hooks)} extends OrchestrationPolicy {`,
        '  static override priority(): readonly RuleClass[] {',
        `    return [${names.join(', ')}];`,
        '  }',
        '}',
        '',
      );
    }
  }
  return lines.join('\n');
}
