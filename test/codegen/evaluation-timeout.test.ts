/**
 * Bounded evaluation: a module that never finishes loading, or a policy whose
 * evaluation never returns, is reported after the timeout (the config's `timeout`, or
 * `--timeout`), located at that module or policy; a line on standard error names it
 * while it is still running. Nothing is written.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generate } from '../../codegen/index.ts';
import { copyFixture, readTree, removeProject } from './support/fixture-project.ts';
import { located } from './support/located.ts';
import { runCliIn } from './support/run-cli-in-process.ts';

const projects: string[] = [];
afterEach(() => {
  for (const dir of projects.splice(0)) removeProject(dir);
});

function project(scenario: string): string {
  const dir = copyFixture(scenario);
  projects.push(dir);
  return dir;
}

describe('evaluation timeout', () => {
  it("reports a module that never finishes loading at that module, after the config's timeout", async () => {
    const dir = project('broken-loops-at-load');
    const before = readTree(dir);
    const result = await generate({ cwd: dir });
    expect(located(result.problems)).toEqual(['PM023 src/settings.ts:1:1']);
    expect(result.problems[0]?.message).toContain(
      'stopped after 3 s: src/settings.ts started loading and never finished',
    );
    expect(readTree(dir)).toEqual(before);
  });

  it('names the module still loading on standard error, and --timeout overrides the config', async () => {
    const dir = project('broken-loops-at-load');
    const before = readTree(dir);
    const run = await runCliIn(dir, 'generate', '--timeout', '4');
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    const [progress, problem, ...rest] = run.err.split('\n');
    expect(progress).toBe(
      'policy-matrix: still loading src/settings.ts after 2 s (evaluation stops after 4 s; set "timeout" in the config or pass --timeout <seconds> to change that).',
    );
    expect(problem).toMatch(
      /^src\/settings\.ts:1:1: error PM023: Evaluating the policies stopped after 4 s: /,
    );
    expect(rest).toEqual(['1 problem found. The output folder was not changed.', '']);
    expect(readTree(dir)).toEqual(before);
  });

  it('reports a policy whose priority() never returns at that policy', async () => {
    const dir = project('broken-loops-at-load');
    writeFileSync(
      path.join(dir, 'src/settings.ts'),
      'export const RETRIES = 3;\nexport function forever(): number {\n  for (;;);\n}\n',
    );
    writeFileSync(
      path.join(dir, 'src/policies.ts'),
      [
        "import { OrchestrationPolicy, type RuleClass } from '../../../../src/index.ts';",
        "import { forever } from './settings.ts';",
        '',
        'export class WaitingPolicy extends OrchestrationPolicy {',
        '  static override priority(): RuleClass[] {',
        '    return forever() > 0 ? [] : [];',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    const before = readTree(dir);
    const result = await generate({ cwd: dir });
    expect(located(result.problems)).toEqual(['PM023 src/policies.ts:4:14 [WaitingPolicy]']);
    expect(result.problems[0]?.message).toContain('Evaluating WaitingPolicy stopped after 3 s');
    expect(readTree(dir)).toEqual(before);
  });

  it('rejects a timeout that is not a positive number of seconds', async () => {
    const dir = project('broken-loops-at-load');
    const run = await runCliIn(dir, 'generate', '--timeout', '0');
    expect(run.code).toBe(2);
    expect(run.err.split('\n')[0]).toBe('--timeout needs a positive number of seconds, got "0".');
    const result = await generate({
      cwd: dir,
      config: { modules: ['src/policies.ts'], timeout: -1 },
    });
    expect(located(result.problems)).toEqual(['PM006 policy-matrix.config.ts:6:3']);
    expect(result.problems[0]?.message).toMatch(
      /^"timeout" must be a positive number .*, got -1\.$/,
    );
  });
});
