/**
 * Discovery misses nothing evaluation sees, and the config picks what is generated:
 * a policy class made by a function is reported at its export (never skipped without a
 * word); rules from a package get the re-export line to copy; `policies` and `exclude`
 * select the exported policies to generate, so re-exporting a package's rules and
 * policies does not generate the package's policies. Refusals leave every file as it was.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generate } from '../../codegen/index.ts';
import { copyFixture, readTree, removeProject } from './support/fixture-project.ts';
import { located } from './support/located.ts';

const projects: string[] = [];
afterEach(() => {
  for (const dir of projects.splice(0)) removeProject(dir);
});

function project(scenario: string): string {
  const dir = copyFixture(scenario);
  projects.push(dir);
  return dir;
}

/** Generate must refuse with the problems `expected` (code and place), writing nothing; returns the messages. */
async function expectRefused(dir: string, expected: string[]): Promise<string[]> {
  const before = readTree(dir);
  const result = await generate({ cwd: dir });
  expect(result.ok).toBe(false);
  expect(located(result.problems)).toEqual(expected);
  expect(readTree(dir)).toEqual(before);
  return result.problems.map((problem) => problem.message);
}

/**
 * Writes a config file `name` (a new name each time: a config module, once imported,
 * stays cached in this process) with `extra` lines inside the object.
 */
function configure(dir: string, name: string, ...extra: string[]): void {
  writeFileSync(
    path.join(dir, name),
    [
      "import { defineConfig } from '@policy-matrix/codegen';",
      '',
      'export default defineConfig({',
      "  modules: ['./src/policies.ts'],",
      ...extra.map((line) => `  ${line}`),
      '});',
      '',
    ].join('\n'),
  );
}

const ORION_POLICIES = [
  'CoreFlowPolicy',
  'CoreTaskPolicy',
  'GlobalFlowPolicy',
  'GlobalTaskPolicy',
  'MinimalFlowPolicy',
  'MinimalTaskPolicy',
];

describe('policies made by a function', () => {
  it('reports an exported policy class that static reading cannot see, at its export', async () => {
    const [message] = await expectRefused(project('broken-made-policy'), [
      'PM025 src/policies.ts:22:14 [MadePolicy]',
    ]);
    expect(message).toContain('exclude: ["MadePolicy"]');
  });

  it('generates the others once it is excluded, and a rule made by a function is imported by its export', async () => {
    const dir = project('broken-made-policy');
    writeFileSync(
      path.join(dir, 'policy-matrix.config.ts'),
      "export default { modules: ['./src/policies.ts'], runtime: '../../../src/index.ts', importExtension: '.ts', exclude: ['MadePolicy'] };\n",
    );
    appendFileSync(
      path.join(dir, 'src/policies.ts'),
      [
        '',
        'function makeRule(): typeof OrchestrationRule {',
        '  return class Finish extends OrchestrationRule {',
        "    static override FROM_STATES = new Set(['RUNNING']);",
        "    static override TO_STATES = new Set(['COMPLETED']);",
        '  };',
        '}',
        'export const MadeRule = makeRule();',
        'export class UsesMadeRulePolicy extends OrchestrationPolicy {',
        '  static override priority(): RuleClass[] {',
        '    return [MadeRule];',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    const result = await generate({ cwd: dir });
    expect(result.problems).toEqual([]);
    expect(result.policies.map((p) => p.name)).toEqual(['DeclaredPolicy', 'UsesMadeRulePolicy']);
    expect(readTree(dir).get('generated/uses-made-rule-policy.ts')).toContain(
      "import { MadeRule } from '../src/policies.ts';",
    );
  });
});

describe('rules from a package', () => {
  it('gives the re-export line to copy, once per package', async () => {
    const [message] = await expectRefused(project('broken-package-rules'), [
      'PM037 src/policies.ts:5:19 [MyTaskPolicy]',
    ]);
    expect(message).toMatch(
      /: export \{ PreventRedundantTransitions, CacheRetrieval, SetEndTime \} from 'policy-matrix\/orion';$/,
    );
  });

  it('generates only the policy once the line is added', async () => {
    const dir = project('broken-package-rules');
    appendFileSync(
      path.join(dir, 'src/policies.ts'),
      "export { PreventRedundantTransitions, CacheRetrieval, SetEndTime } from 'policy-matrix/orion';\n",
    );
    const result = await generate({ cwd: dir });
    expect(result.problems).toEqual([]);
    expect(result.policies.map((p) => p.name)).toEqual(['MyTaskPolicy']);
  });

  it("generates a re-exported package's policies unless policies or exclude picks", async () => {
    const dir = project('broken-package-rules');
    appendFileSync(path.join(dir, 'src/policies.ts'), "export * from 'policy-matrix/orion';\n");
    const everything = await generate({ cwd: dir, write: false });
    expect(everything.policies.map((p) => p.name)).toEqual([...ORION_POLICIES, 'MyTaskPolicy']);

    configure(dir, 'picked.config.ts', "policies: ['MyTaskPolicy'],");
    const picked = await generate({ cwd: dir, config: 'picked.config.ts' });
    expect(picked.problems).toEqual([]);
    expect(picked.policies.map((p) => p.name)).toEqual(['MyTaskPolicy']);
    expect([...readTree(dir).keys()].filter((file) => file.startsWith('generated/'))).toEqual([
      'generated/index.ts',
      'generated/my-task-policy.ts',
    ]);

    configure(dir, 'excluded.config.ts', `exclude: ${JSON.stringify(ORION_POLICIES)},`);
    const excluded = await generate({ cwd: dir, config: 'excluded.config.ts', write: false });
    expect(excluded.policies.map((p) => p.name)).toEqual(['MyTaskPolicy']);
  });

  it('reports a name in policies or exclude that is no exported policy, at that key', async () => {
    const dir = project('broken-package-rules');
    configure(
      dir,
      'policy-matrix.config.ts',
      "policies: ['MyTaskPolicyy'],",
      "exclude: ['Nothing'],",
    );
    const messages = await expectRefused(dir, [
      'PM010 policy-matrix.config.ts:5:3',
      'PM010 policy-matrix.config.ts:6:3',
    ]);
    expect(messages[0]).toContain('Did you mean "MyTaskPolicy"?');
  });
});
