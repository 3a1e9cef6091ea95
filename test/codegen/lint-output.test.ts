/**
 * Lint on the command line: `policy-matrix lint` prints the findings and exits 1 only
 * for errors; `--strict` makes warnings errors there, in `check` (exit 1 on fresh
 * output) and in `generate` (exit 1, nothing written).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, editFile, readTree, removeProject } from './support/fixture-project.ts';
import { goldenBasicLint } from './support/golden-basic-lint.ts';
import { runCliIn } from './support/run-cli-in-process.ts';

describe('lint findings on the command line', () => {
  let dir: string;
  beforeAll(() => {
    dir = copyFixture('golden-basic');
  });
  afterAll(() => removeProject(dir));

  it('lint prints every finding and the summary; warnings do not fail it', async () => {
    expect(await runCliIn(dir, 'lint')).toEqual({ code: 0, out: goldenBasicLint(), err: '' });
  });

  it('lint --strict shows warnings as errors and exits 1', async () => {
    expect(await runCliIn(dir, 'lint', '--strict')).toEqual({
      code: 1,
      out: goldenBasicLint(true),
      err: '',
    });
  });

  it('check --strict fails on fresh output when lint warns', async () => {
    expect(await runCliIn(dir, 'check', '--strict')).toEqual({
      code: 1,
      out: 'check: 4 generated files in generated/ are fresh.\n',
      err: goldenBasicLint(true),
    });
  });

  it('generate --strict writes nothing when lint warns, even with changes to write', async () => {
    editFile(dir, 'src/rules.ts', 'StateType.RUNNING]);', 'StateType.RUNNING, StateType.PAUSED]);');
    const before = readTree(path.join(dir, 'generated'));
    expect(await runCliIn(dir, 'generate', '--strict')).toEqual({
      code: 1,
      out: '',
      err: `${goldenBasicLint(true)}Nothing was written: lint found errors. The output folder was not changed.\n`,
    });
    expect(readTree(path.join(dir, 'generated'))).toEqual(before);
  });
});
