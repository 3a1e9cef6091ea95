/**
 * Watch mode on a copy of test/fixtures/watch-two-policies: an edit re-evaluates every
 * policy and rewrites only the module whose matrix changed, printing its changed cells
 * as generate does; a syntax error is reported and the watcher keeps going; fixing it
 * regenerates.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWatchEvent } from '../../codegen/cli/watch-command.ts';
import { ProblemError, watch, type WatchEvent, type WatchHandle } from '../../codegen/index.ts';
import { copyFixture, editFile, FIXTURES, removeProject } from './support/fixture-project.ts';

let dir: string;
let handle: WatchHandle;
const events: WatchEvent[] = [];
let waiting: ((event: WatchEvent) => void) | undefined;

/** The next event after those already seen. */
function nextEvent(): Promise<WatchEvent> {
  const queued = events.shift();
  if (queued !== undefined) return Promise.resolve(queued);
  return new Promise((resolve) => (waiting = resolve));
}

beforeAll(async () => {
  dir = copyFixture('watch-two-policies');
  handle = await watch({
    cwd: dir,
    debounceMs: 50,
    onEvent: (event) => {
      if (waiting === undefined) events.push(event);
      else {
        const resolve = waiting;
        waiting = undefined;
        resolve(event);
      }
    },
  });
  await handle.ready;
});

afterAll(async () => {
  await handle?.close();
  removeProject(dir);
});

describe(watch.name, () => {
  it('generates once at start, evaluating every policy', async () => {
    const event = await nextEvent();
    expect(event.type).toBe('generated');
    if (event.type !== 'generated') return;
    expect(event.evaluated).toEqual(['AlphaPolicy', 'BetaPolicy']);
    expect(event.files.map((file) => file.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('re-evaluates every policy, rewrites only the module that changed and prints its changed cells', async () => {
    editFile(
      dir,
      'src/alpha-policy.ts',
      'new Set([StateType.RUNNING])',
      'new Set([StateType.RUNNING, StateType.PAUSED])',
    );
    const event = await nextEvent();
    expect(event.type).toBe('generated');
    if (event.type !== 'generated') return;
    expect(event.changed).toEqual(['src/alpha-policy.ts']);
    expect(event.evaluated).toEqual(['AlphaPolicy', 'BetaPolicy']);
    expect(event.files.filter((file) => file.status !== 'unchanged')).toEqual([
      { path: 'generated/alpha-policy.ts', status: 'changed', policy: 'AlphaPolicy' },
    ]);
    expect(readFileSync(path.join(dir, 'generated/alpha-policy.ts'), 'utf8')).toContain(
      "// from 'PENDING'\n  c0, c0, c1, c0, c0, c0, c0, c1,",
    );
    expect(formatWatchEvent(event)).toEqual({
      stream: 'out',
      text: [
        'Changed: src/alpha-policy.ts',
        'AlphaPolicy  9 states  1 rule  2 distinct cells  generated/alpha-policy.ts  changed: 1 cell differs (before → after)',
        '  PENDING → PAUSED: [] → [AlphaRule]',
        'Re-evaluated 2 policies. 1 file written, 2 unchanged, 0 removed.',
        '',
      ].join('\n'),
    });
  });

  it('reports a syntax error and keeps watching', async () => {
    editFile(dir, 'src/alpha-policy.ts', 'return [AlphaRule];', 'return [AlphaRule;');
    const event = await nextEvent();
    expect(event.type).toBe('problems');
    if (event.type !== 'problems') return;
    expect(
      event.problems.map(({ code, file, line, column }) => [code, file, line, column]),
    ).toEqual([['PM020', 'src/alpha-policy.ts', 10, 22]]);
  });

  it('regenerates once the error is fixed', async () => {
    editFile(dir, 'src/alpha-policy.ts', 'return [AlphaRule;', 'return [AlphaRule, AlphaRule];');
    const event = await nextEvent();
    expect(event.type).toBe('generated');
    if (event.type !== 'generated') return;
    expect(event.evaluated).toEqual(['AlphaPolicy', 'BetaPolicy']);
    expect(
      event.files.filter((file) => file.status !== 'unchanged').map((file) => file.path),
    ).toEqual(['generated/alpha-policy.ts']);
    expect(readFileSync(path.join(dir, 'generated/alpha-policy.ts'), 'utf8')).toContain(
      'const priority: readonly RuleClass[] = Object.freeze([AlphaRule, AlphaRule]);',
    );
  });
});

describe('watch started on an output folder that is out of date', () => {
  it('reads the old module back, as generate does, to print the cells its first run changes', async () => {
    const stale = copyFixture('watch-two-policies');
    editFile(
      stale,
      'src/alpha-policy.ts',
      'new Set([StateType.RUNNING])',
      'new Set([StateType.RUNNING, StateType.PAUSED])',
    );
    const seen: WatchEvent[] = [];
    const session = await watch({ cwd: stale, onEvent: (event) => seen.push(event) });
    try {
      await session.ready;
      const [first] = seen;
      expect(first?.type).toBe('generated');
      if (first?.type !== 'generated') return;
      expect(formatWatchEvent(first).text.split('\n').slice(0, 2)).toEqual([
        'AlphaPolicy  9 states  1 rule  2 distinct cells  generated/alpha-policy.ts  changed: 1 cell differs (before → after)',
        '  PENDING → PAUSED: [] → [AlphaRule]',
      ]);
    } finally {
      await session.close();
      removeProject(stale);
    }
  });
});

describe('watch and a config it cannot load', () => {
  it('rejects with a ProblemError carrying the coded, located problems', async () => {
    const started = watch({ cwd: path.join(FIXTURES, 'broken-no-config') });
    await expect(started).rejects.toBeInstanceOf(ProblemError);
    const error = (await started.catch((caught: unknown) => caught)) as ProblemError;
    expect(error.code).toBe('PM001');
    expect(error.problems.map((p) => `${p.code} ${p.file}:${p.line}:${p.column}`)).toEqual([
      'PM001 policy-matrix.config.ts:1:1',
    ]);
    expect(error.message).toMatch(/^policy-matrix\.config\.ts:1:1: error PM001: No /);
  });
});
