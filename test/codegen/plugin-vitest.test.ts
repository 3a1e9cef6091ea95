/**
 * The build plugin in a Vitest project: a copy of test/fixtures/build-plugin, whose
 * vitest.config.ts has the plugin and whose test asserts a cell the committed matrix
 * does not have. After an edit of the policy (and no generate), `vitest run` (a child
 * process, in the copy) passes: the plugin regenerated before the test imported the
 * matrix.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, editFile, removeProject, REPO_ROOT } from './support/fixture-project.ts';

const VITEST = path.join(REPO_ROOT, 'node_modules/vitest/vitest.mjs');

let dir: string;
beforeAll(() => {
  dir = copyFixture('build-plugin');
});
afterAll(() => removeProject(dir));

/** `vitest run` in the copy, as its own process (none of this run's Vitest settings). */
async function vitestRun(): Promise<{ code: number; output: string }> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'TEST'),
  );
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [VITEST, 'run', '--root', dir, '--config', path.join(dir, 'vitest.config.ts')],
      { cwd: dir, env: { ...env, CI: '' }, timeout: 170_000 },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('a Vitest project with the policy-matrix plugin', () => {
  it('passes a test of a cell added by a policy edit, without generate', async () => {
    editFile(
      dir,
      'src/policies.ts',
      'new Set([StateType.RUNNING])',
      'new Set([StateType.RUNNING, StateType.COMPLETED])',
    );
    const run = await vitestRun();
    expect(run.output).toContain('1 passed');
    expect(run.code, run.output).toBe(0);
  }, 180_000); // a whole Vitest start-up, slow on a busy machine
});
