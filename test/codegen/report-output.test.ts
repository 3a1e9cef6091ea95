/**
 * The report folder (`<outDir>/report/`): written by `generate` and verified by `check`
 * when the config says `report: true`, by the same rules as the modules (only changed
 * files, left-overs removed, files without the banner never touched); left alone by
 * both when it is off; written on demand by `policy-matrix report`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../codegen/index.ts';
import { copyFixture, editFile, readTree, removeProject } from './support/fixture-project.ts';
import { goldenBasicLint } from './support/golden-basic-lint.ts';
import { runCliIn } from './support/run-cli-in-process.ts';

const REPORT_FILES = [
  'README.md',
  'base-policy.md',
  'base-policy.svg',
  'extended-policy.md',
  'extended-policy.svg',
  'ticket-policy.md',
  'ticket-policy.svg',
];

describe('generate and check with report: true', () => {
  let dir: string;
  let report: string;
  beforeAll(() => {
    dir = copyFixture('golden-basic');
    report = path.join(dir, 'generated/report');
    editFile(
      dir,
      'policy-matrix.config.ts',
      "regenerateCommand: 'npm run generate',",
      "regenerateCommand: 'npm run generate',\n  report: true,",
    );
  });
  afterAll(() => removeProject(dir));

  it('generate writes an index, and a page and a heatmap per policy named like its module', async () => {
    const run = await runCliIn(dir, 'generate');
    expect(run.code).toBe(0);
    expect(run.out.split('\n').slice(-3)).toEqual([
      'Report in generated/report/: 7 files; 7 written, 0 unchanged, 0 removed.',
      '3 policies, 11 rules, 12 distinct cells; 7 files written, 4 unchanged, 0 removed.',
      '',
    ]);
    const tree = readTree(report);
    expect([...tree.keys()]).toEqual(REPORT_FILES);
    expect(tree.get('README.md')).toContain('| [BasePolicy](base-policy.md) | 10 |');
    expect(tree.get('base-policy.md')).toContain(
      '![Heatmap of the rules per transition of BasePolicy](base-policy.svg)',
    );
    expect(tree.get('ticket-policy.svg')?.split('\n').slice(0, 2)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!-- policy-matrix report heatmap of TicketPolicy (src/policies.ts:18:14). Generated from the compiled policy model; do not edit. -->',
    ]);
  });

  it('check names a hand-edited heatmap stale and a left-over page extra, and ignores hand-written files', async () => {
    writeFileSync(
      path.join(report, 'base-policy.svg'),
      readFileSync(path.join(report, 'base-policy.svg'), 'utf8').replace('#ffffff', '#000000'),
    );
    writeFileSync(
      path.join(report, 'gone-policy.md'),
      '<!-- policy-matrix report of GonePolicy (src/gone.ts:1:1). Generated from the compiled policy model; do not edit. -->\n# GonePolicy\n',
    );
    writeFileSync(path.join(report, 'notes.md'), '# Notes written by hand\n');
    expect(await runCliIn(dir, 'check')).toEqual({
      code: 1,
      out: '',
      err:
        [
          'stale: generated/report/base-policy.svg',
          'extra: generated/report/gone-policy.md: no policy has this report any more; generate removes it.',
          'check: 2 of 12 files out of date; run `npm run generate`.',
        ].join('\n') + `\n${goldenBasicLint()}`,
    });
  });

  it('generate rewrites only the stale heatmap, removes the left-over page and keeps hand-written files', async () => {
    const result = await generate({ cwd: dir });
    expect(result.files.filter((file) => file.status !== 'unchanged')).toEqual([
      { path: 'generated/report/base-policy.svg', status: 'changed', report: true },
      { path: 'generated/report/gone-policy.md', status: 'removed', report: true },
    ]);
    expect([...readTree(report).keys()]).toEqual([...REPORT_FILES, 'notes.md'].sort());
  });

  it('generate refuses to overwrite a hand-written file where a report file goes, and writes nothing', async () => {
    writeFileSync(path.join(report, 'README.md'), '# Our own index\n');
    editFile(dir, 'src/policies.ts', '// Policies:', '// Edited policies:');
    const before = readTree(path.join(dir, 'generated'));
    const run = await runCliIn(dir, 'generate');
    expect(run.code).toBe(1);
    const [problem, count] = run.err.split('\n');
    expect(problem).toMatch(
      /^generated\/report\/README\.md:1:1: error PM054: .*lacks the report banner/,
    );
    expect(count).toBe('1 problem found. The output folder was not changed.');
    expect(readTree(path.join(dir, 'generated'))).toEqual(before);
  });
});

describe('the report folder with report: false', () => {
  let dir: string;
  beforeAll(() => {
    dir = copyFixture('golden-basic');
  });
  afterAll(() => removeProject(dir));

  it('policy-matrix report writes it on demand, one line per file written', async () => {
    expect(await runCliIn(dir, 'report')).toEqual({
      code: 0,
      err: '',
      out: [
        ...REPORT_FILES.map((file) => `generated/report/${file} created`),
        'Report in generated/report/: 7 files; 7 written, 0 unchanged, 0 removed.',
        '',
      ].join('\n'),
    });
    expect(
      (await runCliIn(dir, 'report', '--out', 'docs/matrices')).out.split('\n').slice(-2),
    ).toEqual(['Report in docs/matrices/: 7 files; 7 written, 0 unchanged, 0 removed.', '']);
    expect(readTree(path.join(dir, 'docs/matrices'))).toEqual(
      readTree(path.join(dir, 'generated/report')),
    );
  });

  it('generate leaves it as it is and says that it no longer keeps it up to date', async () => {
    editFile(dir, 'src/rules.ts', 'StateType.RUNNING]);', 'StateType.RUNNING, StateType.PAUSED]);');
    const before = readTree(path.join(dir, 'generated/report'));
    const run = await runCliIn(dir, 'generate');
    expect(run.code).toBe(0);
    expect(run.out).not.toContain('Report in');
    expect(run.err).toBe(
      `${goldenBasicLint()}note: generated/report/ holds report files that generate no longer updates (report is off in the config); set report: true to keep them fresh, or delete them.\n`,
    );
    expect(readTree(path.join(dir, 'generated/report'))).toEqual(before);
  });

  it('check does not look at it', async () => {
    const run = await runCliIn(dir, 'check');
    expect({ code: run.code, out: run.out }).toEqual({
      code: 0,
      out: 'check: 4 generated files in generated/ are fresh.\n',
    });
    expect(existsSync(path.join(dir, 'generated/report/README.md'))).toBe(true);
  });
});
