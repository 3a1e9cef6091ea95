/**
 * Every bad input the compiler rejects, with its exact message: located
 * (`path:line:col`), naming the policy and rule, saying what is wrong and how to fix
 * it; all problems are reported, not only the first, and nothing is written.
 * Scenarios live in test/fixtures/broken-*.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblems, generate } from '../../codegen/index.ts';
import { copyFixture, FIXTURES, readTree, removeProject } from './support/fixture-project.ts';

async function problemsOf(scenario: string): Promise<string> {
  const result = await generate({ cwd: path.join(FIXTURES, scenario), write: false });
  expect(result.ok).toBe(false);
  return formatProblems(result.problems);
}

describe('problems', () => {
  it('reports a missing config and how to create one', async () => {
    expect(await problemsOf('broken-no-config')).toBe(
      [
        "policy-matrix.config.ts:1:1: No policy-matrix.config.ts in the project folder. Create one: import { defineConfig } from '@policy-matrix/codegen'; export default defineConfig({ modules: ['src/policies.ts'] }); or name another file with --config <file>.",
        '1 problem found.',
      ].join('\n'),
    );
  });

  it('reports a config file named with --config that does not exist', async () => {
    const result = await generate({
      cwd: path.join(FIXTURES, 'broken-no-config'),
      config: 'custom.config.ts',
    });
    expect(formatProblems(result.problems)).toBe(
      'custom.config.ts:1:1: Config file custom.config.ts does not exist; pass an existing file to --config.\n1 problem found.',
    );
  });

  it('reports every invalid config key at its line', async () => {
    expect(await problemsOf('broken-config')).toBe(
      [
        'policy-matrix.config.ts:4:3: modules[1] "./src/missing.ts" does not exist (looked for src/missing.ts); list the modules that export your policies, relative to the config file.',
        'policy-matrix.config.ts:5:3: Unknown config key "outdir". Did you mean "outDir"? Valid keys: modules, outDir, runtime, importExtension, regenerateCommand, report, timeout, policies, exclude, gitattributes, bench.',
        'policy-matrix.config.ts:6:3: "importExtension" must be ".ts", ".js" or "", got ".mjs".',
        'policy-matrix.config.ts:7:3: "report" must be true (write a markdown and SVG report per policy into generated/report/) or false, got "yes".',
        '4 problems found.',
      ].join('\n'),
    );
  });

  it('rejects a config object without modules', async () => {
    const result = await generate({
      cwd: path.join(FIXTURES, 'broken-no-config'),
      config: { modules: [] },
    });
    expect(formatProblems(result.problems)).toBe(
      'policy-matrix.config.ts:1:1: "modules" must be a non-empty array of the files that export your policies and rules, got an empty array.\n1 problem found.',
    );
  });

  it('reports a syntax error in a module a policy imports', async () => {
    expect(await problemsOf('broken-syntax')).toBe(
      'src/rules.ts:4:42: Syntax error: Expression or comma expected. Fix it so that the module can be imported.\n1 problem found.',
    );
  });

  it('reports a module that throws while loading, where it throws', async () => {
    expect(await problemsOf('broken-throws-at-load')).toBe(
      'src/settings.ts:2:9: Importing src/policies.ts failed: Error: settings.json is missing. Fix the module so that it can be imported (it must not throw while loading).\n1 problem found.',
    );
  });

  it('reports priority() throwing and every entry that is not a rule, across policies', async () => {
    expect(await problemsOf('broken-priority')).toBe(
      [
        "src/policies.ts:7:11: ThrowingPolicy.priority() threw Error: no rules configured; fix priority() so that it returns the policy's rules.",
        'src/policies.ts:12:19: NotRulesPolicy.priority() entry 1 is undefined, not a rule or transform class; list OrchestrationRule or UniversalTransform subclasses only (undefined often means a missing export or a circular import).',
        'src/policies.ts:12:19: NotRulesPolicy.priority() entry 2 is 42, not a rule or transform class; list OrchestrationRule or UniversalTransform subclasses only.',
        'src/policies.ts:12:19: NotRulesPolicy.priority() entry 3 is class ThrowingPolicy, not a rule or transform class; list OrchestrationRule or UniversalTransform subclasses only.',
        '4 problems found.',
      ].join('\n'),
    );
  });

  it('reports a rule a policy uses that no config module exports, at its declaration', async () => {
    expect(await problemsOf('broken-not-exported')).toBe(
      "src/policies.ts:3:7: HiddenRule is listed by HiddenRulePolicy.priority() but no config module exports it; generated code can only import exported classes. To fix, add export { HiddenRule } from './policies.ts' to src/index.ts (and export the class from its own file).\n1 problem found.",
    );
  });

  it('reports two different classes exported under one name, at both', async () => {
    const message =
      'Two different classes are exported as Retry (src/first.ts:3:14 and src/second.ts:3:14); generated code imports classes by export name. Rename or remove one of the exports.';
    expect(await problemsOf('broken-same-export-name')).toBe(
      [`src/first.ts:3:14: ${message}`, `src/second.ts:3:14: ${message}`, '2 problems found.'].join(
        '\n',
      ),
    );
  });

  it('reports FROM/TO entries that are not states of the policy, suggesting the nearest name', async () => {
    expect(await problemsOf('broken-unknown-state')).toBe(
      [
        'src/policies.ts:4:19: Misspelt.FROM_STATES contains "RUNING", which is not a state of TypoPolicy. Did you mean "RUNNING"?',
        'src/policies.ts:5:19: Misspelt.TO_STATES contains "ARCHIVED", which is not a state of TypoPolicy. Its states are "SCHEDULED", "PENDING", "RUNNING", "COMPLETED", "FAILED", "CANCELLED", "CRASHED", "PAUSED", "CANCELLING" (and null).',
        '2 problems found.',
      ].join('\n'),
    );
  });

  it('reports STATES lists with duplicates or empty names', async () => {
    expect(await problemsOf('broken-states')).toBe(
      [
        'src/policies.ts:4:19: DuplicatePolicy.STATES lists "A" twice (entries 0 and 2); state names must be distinct. Remove one.',
        'src/policies.ts:8:19: EmptyNamePolicy.STATES entry 1 is an empty string; state names are non-empty strings. Remove it or give it a name.',
        '2 problems found.',
      ].join('\n'),
    );
  });

  it('names the policy and the rule in structured problems', async () => {
    const result = await generate({
      cwd: path.join(FIXTURES, 'broken-unknown-state'),
      write: false,
    });
    expect(result.problems.map(({ policy, rule }) => ({ policy, rule }))).toEqual([
      { policy: 'TypoPolicy', rule: 'Misspelt' },
      { policy: 'TypoPolicy', rule: 'Misspelt' },
    ]);
  });

  it('leaves the output folder untouched when there are problems', async () => {
    const dir = copyFixture('broken-priority');
    try {
      mkdirSync(path.join(dir, 'generated'));
      writeFileSync(
        path.join(dir, 'generated/old-policy.ts'),
        '// Code generated by policy-matrix. DO NOT EDIT.\n',
      );
      const before = readTree(path.join(dir, 'generated'));
      const result = await generate({ cwd: dir });
      expect(result.problems).toHaveLength(4);
      expect(readTree(path.join(dir, 'generated'))).toEqual(before);
    } finally {
      removeProject(dir);
    }
  });

  it('reports an output folder that cannot be written, and writes nothing', async () => {
    const dir = copyFixture('golden-basic');
    try {
      rmSync(path.join(dir, 'generated'), { recursive: true });
      writeFileSync(path.join(dir, 'generated'), 'a file where the output folder should be\n');
      const result = await generate({ cwd: dir });
      expect(formatProblems(result.problems)).toBe(
        'generated:1:1: Cannot write the output folder generated: creating it failed (EEXIST). Make generated a writable folder (or change outDir in the config); nothing was written.\n1 problem found.',
      );
      expect(readTree(dir).get('generated')).toBe('a file where the output folder should be\n');
    } finally {
      removeProject(dir);
    }
  });
});
