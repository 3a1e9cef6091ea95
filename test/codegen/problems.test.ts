/**
 * Every bad input the compiler rejects: each broken fixture (test/fixtures/broken-*)
 * gives coded problems at the right places, naming the policy and the rule; all of them
 * are reported, not only the first, and nothing is written. Tests assert codes and
 * places; the full text of every message is pinned once, byte for byte, in
 * diagnostics.golden.txt next to this file. After an intended change to a message,
 * rewrite it with `PM_UPDATE_GOLDEN=1 npx vitest run test/codegen/problems.test.ts` and
 * review the diff.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { dump, formatProblems, generate, type Problem } from '../../codegen/index.ts';
import { copyFixture, FIXTURES, readTree, removeProject } from './support/fixture-project.ts';
import { located } from './support/located.ts';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'diagnostics.golden.txt');
const SCENARIOS = readdirSync(FIXTURES)
  .filter((name) => name.startsWith('broken-'))
  .sort();

/**
 * The golden file's cases: every broken fixture as it is, then the few refusals that
 * need an argument rather than a fixture (a config named on the command line, a config
 * object, another command) and cost no evaluation.
 */
const CASES: { name: string; run: () => Promise<Problem[]> }[] = [
  ...SCENARIOS.map((scenario) => ({
    name: scenario,
    run: async () =>
      (await generate({ cwd: path.join(FIXTURES, scenario), write: false })).problems,
  })),
  {
    name: 'broken-no-config, --config custom.config.ts',
    run: async () =>
      (await generate({ cwd: path.join(FIXTURES, 'broken-no-config'), config: 'custom.config.ts' }))
        .problems,
  },
  {
    name: 'broken-no-config, a config object without modules',
    run: async () =>
      (await generate({ cwd: path.join(FIXTURES, 'broken-no-config'), config: { modules: [] } }))
        .problems,
  },
  {
    name: 'broken-no-config, a config object whose outDir is the project root',
    run: async () =>
      (
        await generate({
          cwd: path.join(FIXTURES, 'broken-no-config'),
          config: { modules: ['src/policies.ts'], outDir: '.' },
          write: false,
        })
      ).problems,
  },
  {
    name: 'broken-no-config, a config object whose timeout is negative',
    run: async () =>
      (
        await generate({
          cwd: path.join(FIXTURES, 'broken-no-config'),
          config: { modules: ['src/policies.ts'], timeout: -1 },
          write: false,
        })
      ).problems,
  },
  {
    name: 'broken-no-config, dump --json before generate',
    run: async () =>
      (
        await dump({
          cwd: path.join(FIXTURES, 'broken-no-config'),
          config: { modules: ['src/policies.ts'], outDir: 'not-generated-yet' },
        })
      ).problems,
  },
  {
    name: 'broken-tsconfig, a config object',
    run: async () =>
      (
        await generate({
          cwd: path.join(FIXTURES, 'broken-tsconfig'),
          config: { modules: ['src/policies.ts'], runtime: '../../../src/index.ts' },
          write: false,
        })
      ).problems,
  },
];

const problems = new Map<string, Problem[]>();

beforeAll(async () => {
  // Two at a time: each evaluation runs in a child process of its own.
  const pending = [...CASES];
  const worker = async (): Promise<void> => {
    for (let next = pending.shift(); next !== undefined; next = pending.shift())
      problems.set(next.name, await next.run());
  };
  await Promise.all([worker(), worker()]);
}, 180_000);

/** The problems of a case, as code, place, policy and rule. */
function of(name: string): string[] {
  const found = problems.get(name);
  if (found === undefined) throw new Error(`no case named ${name}`);
  return located(found);
}

describe('problems', () => {
  it('come with every broken fixture', () => {
    expect(SCENARIOS).toEqual([
      'broken-config',
      'broken-config-no-default',
      'broken-config-not-object',
      'broken-config-throws',
      'broken-declarations',
      'broken-file-names',
      'broken-hostile-names',
      'broken-loops-at-load',
      'broken-made-policy',
      'broken-no-config',
      'broken-not-exported',
      'broken-package-rules',
      'broken-priority',
      'broken-same-export-name',
      'broken-states',
      'broken-syntax',
      'broken-throws-at-load',
      'broken-tsconfig',
      'broken-unknown-state',
    ]);
  });

  it('read exactly as the golden file holds them, byte for byte', () => {
    const text = CASES.map(
      ({ name }) => `# ${name}\n${formatProblems(problems.get(name) ?? [])}\n`,
    ).join('\n');
    if (process.env.PM_UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, text);
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('reports a missing config, or a missing file named with --config', () => {
    expect(of('broken-no-config')).toEqual(['PM001 policy-matrix.config.ts:1:1']);
    expect(of('broken-no-config, --config custom.config.ts')).toEqual([
      'PM001 custom.config.ts:1:1',
    ]);
  });

  it('reports a config that throws while imported, where it throws', () => {
    expect(of('broken-config-throws')).toEqual(['PM002 policy-matrix.config.ts:3:33']);
  });

  it('reports a config without a default export, or whose default export is no object', () => {
    expect(of('broken-config-no-default')).toEqual(['PM003 policy-matrix.config.ts:1:1']);
    expect(of('broken-config-not-object')).toEqual(['PM004 policy-matrix.config.ts:2:1']);
  });

  it('reports every invalid config key at its line', () => {
    expect(of('broken-config')).toEqual([
      'PM007 policy-matrix.config.ts:4:3',
      'PM005 policy-matrix.config.ts:5:3',
      'PM006 policy-matrix.config.ts:6:3',
      'PM006 policy-matrix.config.ts:7:3',
      'PM008 policy-matrix.config.ts:8:3',
    ]);
    expect(of('broken-no-config, a config object without modules')).toEqual([
      'PM006 policy-matrix.config.ts:1:1',
    ]);
  });

  it('reports an output folder that is the project root, at the config', () => {
    expect(of('broken-no-config, a config object whose outDir is the project root')).toEqual([
      'PM009 policy-matrix.config.ts:1:1',
    ]);
  });

  it('reports a timeout that is no positive number of seconds', () => {
    expect(of('broken-no-config, a config object whose timeout is negative')).toEqual([
      'PM006 policy-matrix.config.ts:1:1',
    ]);
  });

  it('reports a dump of generated modules that do not exist yet, at the missing index', () => {
    expect(of('broken-no-config, dump --json before generate')).toEqual([
      'PM062 not-generated-yet/index.ts:1:1',
    ]);
  });

  it('reports a syntax error in tsconfig.json where it is, whether the config is a file or an object', () => {
    expect(of('broken-tsconfig')).toEqual(['PM011 tsconfig.json:6:5']);
    expect(of('broken-tsconfig, a config object')).toEqual(['PM011 tsconfig.json:6:5']);
  });

  it('reports a syntax error in a module a policy imports', () => {
    expect(of('broken-syntax')).toEqual(['PM020 src/rules.ts:4:42']);
  });

  it('reports a module that throws while loading, where it throws', () => {
    expect(of('broken-throws-at-load')).toEqual(['PM021 src/settings.ts:2:9']);
  });

  it('reports a module that never finishes loading, at that module', () => {
    expect(of('broken-loops-at-load')).toEqual(['PM023 src/settings.ts:1:1']);
  });

  it('reports a policy class made by a function, at its export', () => {
    expect(of('broken-made-policy')).toEqual(['PM025 src/policies.ts:22:14 [MadePolicy]']);
  });

  it('reports two different classes exported under one name, at both', () => {
    expect(of('broken-same-export-name')).toEqual([
      'PM027 src/first.ts:3:14 [Retry]',
      'PM027 src/second.ts:3:14 [Retry]',
    ]);
  });

  it('reports STATES lists that throw, are no list, hold duplicates or empty names', () => {
    expect(of('broken-states')).toEqual([
      'PM033 src/policies.ts:4:19 [DuplicatePolicy]',
      'PM032 src/policies.ts:8:19 [EmptyNamePolicy]',
    ]);
    expect(of('broken-declarations').filter((line) => /StatesT/.test(line))).toEqual([
      'PM030 src/policies.ts:8:11 [StatesThrowPolicy]',
      'PM031 src/policies.ts:13:19 [StatesTextPolicy]',
    ]);
  });

  it('reports priority() throwing, returning no list, and every entry that is not a rule', () => {
    expect(of('broken-priority')).toEqual([
      'PM034 src/policies.ts:7:11 [ThrowingPolicy]',
      'PM036 src/policies.ts:12:19 [NotRulesPolicy]',
      'PM036 src/policies.ts:12:19 [NotRulesPolicy]',
      'PM036 src/policies.ts:12:19 [NotRulesPolicy]',
    ]);
    expect(of('broken-declarations').filter((line) => /RulesObject/.test(line))).toEqual([
      'PM035 src/policies.ts:17:19 [RulesObjectPolicy]',
    ]);
  });

  it('reports a rule a policy uses that no config module exports, at its declaration', () => {
    expect(of('broken-not-exported')).toEqual([
      'PM037 src/policies.ts:3:7 [HiddenRulePolicy/HiddenRule]',
    ]);
    expect(of('broken-package-rules')).toEqual(['PM037 src/policies.ts:5:19 [MyTaskPolicy]']);
  });

  it('reports FROM/TO sets that are no sets, throw or hold entries that are no state names', () => {
    expect(of('broken-declarations').filter((line) => /SetsPolicy/.test(line))).toEqual([
      'PM038 src/policies.ts:23:19 [SetsPolicy/ListNotSet]',
      'PM039 src/policies.ts:29:13 [SetsPolicy/ThrowingSet]',
      'PM040 src/policies.ts:35:19 [SetsPolicy/NumberEntry]',
    ]);
  });

  it('reports FROM/TO entries that are not states of the policy', () => {
    expect(of('broken-unknown-state')).toEqual([
      'PM041 src/policies.ts:4:19 [TypoPolicy/Misspelt]',
      'PM041 src/policies.ts:5:19 [TypoPolicy/Misspelt]',
    ]);
  });

  it('reports policies whose modules would share a file name, or be the index', () => {
    expect(of('broken-file-names')).toEqual([
      'PM050 src/policies.ts:5:14 [HTTPPolicy]',
      'PM050 src/policies.ts:7:14 [HttpPolicy]',
      'PM051 src/policies.ts:9:14 [Index]',
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
      expect(located(result.problems)).toEqual(['PM053 generated:1:1']);
      expect(result.problems[0]?.message).toContain('creating it failed (EEXIST)');
      expect(readTree(dir).get('generated')).toBe('a file where the output folder should be\n');
    } finally {
      removeProject(dir);
    }
  });
});
