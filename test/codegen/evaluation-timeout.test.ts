/**
 * Bounded evaluation: a module that never finishes loading, or a policy whose
 * evaluation never returns, is reported after the timeout (the config's `timeout`, or
 * `--timeout`), located at that module or policy; a line on standard error names it
 * while it is still running. Nothing is written.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblems, generate } from '../../codegen/index.ts';
import { copyFixture, readTree, removeProject } from './support/fixture-project.ts';
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
    expect(formatProblems(result.problems)).toBe(
      'src/settings.ts:1:1: Evaluating the policies stopped after 3 s: src/settings.ts started loading and never finished (an endless loop, or a wait that never ends, while it is imported). Fix the module, or allow more time with "timeout" in the config or --timeout <seconds>.\n1 problem found.',
    );
    expect(readTree(dir)).toEqual(before);
  });

  it('names the module still loading on standard error, and --timeout overrides the config', async () => {
    const dir = project('broken-loops-at-load');
    const before = readTree(dir);
    const run = await runCliIn(dir, 'generate', '--timeout', '4');
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toBe(
      [
        'policy-matrix: still loading src/settings.ts after 2 s (evaluation stops after 4 s; set "timeout" in the config or pass --timeout <seconds> to change that).',
        'src/settings.ts:1:1: Evaluating the policies stopped after 4 s: src/settings.ts started loading and never finished (an endless loop, or a wait that never ends, while it is imported). Fix the module, or allow more time with "timeout" in the config or --timeout <seconds>.',
        '1 problem found. The output folder was not changed.',
        '',
      ].join('\n'),
    );
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
    expect(formatProblems(result.problems)).toBe(
      'src/policies.ts:4:14: Evaluating WaitingPolicy stopped after 3 s: its STATES, priority() or a rule\'s FROM_STATES/TO_STATES never returned. Fix them, or allow more time with "timeout" in the config or --timeout <seconds>.\n1 problem found.',
    );
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
    expect(formatProblems(result.problems)).toBe(
      'policy-matrix.config.ts:6:3: "timeout" must be a positive number of seconds (how long evaluating the policies may take; default 20), got -1.\n1 problem found.',
    );
  });
});
