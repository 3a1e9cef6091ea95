/**
 * Watch is sound: on a copy of test/fixtures/watch-registry, whose RegistryPolicy
 * lists what plugin modules register (one plugin by a side-effect import, one by a
 * dynamic import static reading cannot follow), an edit to either plugin regenerates
 * the policy; and after a seeded series of random edits, watch's output folder equals
 * what a fresh `generate` computes, after every edit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, watch, type WatchEvent, type WatchHandle } from '../../codegen/index.ts';
import { copyFixture, readTree, removeProject } from './support/fixture-project.ts';

let dir: string;
let handle: WatchHandle;
const events: WatchEvent[] = [];
let waiting: ((event: WatchEvent) => void) | undefined;

/** The next event after those already seen; fails after 20 s without one. */
function nextEvent(): Promise<WatchEvent> {
  const queued = events.shift();
  if (queued !== undefined) return Promise.resolve(queued);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no watch event within 20 s')), 20_000);
    waiting = (event) => {
      clearTimeout(timer);
      resolve(event);
    };
  });
}

/** The generated files on disk (path → text). */
function output(): Map<string, string> {
  return new Map([...readTree(dir)].filter(([file]) => file.startsWith('generated/')));
}

/** What a fresh generate computes for the project as it is now (path → text). */
async function freshOutput(): Promise<Map<string, string>> {
  const result = await generate({ cwd: dir, write: false });
  expect(result.problems).toEqual([]);
  return new Map([...result.contents].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Waits for watch's runs after an edit until its output equals a fresh generate's;
 * fails when watch goes quiet while its output is still stale.
 */
async function expectWatchMatchesGenerate(): Promise<WatchEvent & { type: 'generated' }> {
  const expected = await freshOutput();
  for (;;) {
    const event = await nextEvent();
    if (event.type !== 'generated') continue;
    if (JSON.stringify([...output()]) === JSON.stringify([...expected])) return event;
  }
}

function toggle(file: string, line: string): void {
  const target = path.join(dir, file);
  const text = readFileSync(target, 'utf8');
  const edited = text.includes(`// ${line}`)
    ? text.replace(`// ${line}`, line)
    : text.replace(line, `// ${line}`);
  if (edited === text) throw new Error(`toggle: ${line} not found in ${file}`);
  writeFileSync(target, edited);
}

beforeAll(async () => {
  dir = copyFixture('watch-registry');
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
  const first = await nextEvent();
  expect(first.type).toBe('generated');
});

afterAll(async () => {
  await handle?.close();
  removeProject(dir);
});

describe('watch and a registry filled by plugins', () => {
  it('regenerates the policy when a plugin imported for its side effect changes', async () => {
    toggle('src/plugins.ts', 'registerRule(FinishRule);');
    const event = await expectWatchMatchesGenerate();
    expect(event.changed).toEqual(['src/plugins.ts']);
    expect(event.evaluated).toEqual(['FixedPolicy', 'RegistryPolicy']);
    expect(event.files.filter((file) => file.status !== 'unchanged')).toEqual([
      { path: 'generated/registry-policy.ts', status: 'changed', policy: 'RegistryPolicy' },
    ]);
    expect(output().get('generated/registry-policy.ts')).toContain(
      'Object.freeze([StartRule, FailRule])',
    );
  });

  it('regenerates the policy when a plugin only a dynamic import loads changes', async () => {
    toggle('src/extra-plugins.ts', 'registerRule(FailRule);');
    const event = await expectWatchMatchesGenerate();
    expect(event.changed).toEqual(['src/extra-plugins.ts']);
    expect(output().get('generated/registry-policy.ts')).toContain('Object.freeze([StartRule])');
  });

  it('equals a fresh generate after every one of a seeded series of random edits', async () => {
    const edits: [string, string][] = [
      ['src/plugins.ts', 'registerRule(StartRule);'],
      ['src/plugins.ts', 'registerRule(FinishRule);'],
      ['src/extra-plugins.ts', 'registerRule(FailRule);'],
      ['src/rules.ts', 'static override TO_STATES = new Set([StateType.COMPLETED]);'],
      ['src/policies.ts', 'rules.push(StartRule);'],
    ];
    // mulberry32: a small seeded generator, so a failure replays the same edits.
    let seed = 0x5eed10;
    const random = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    for (let step = 0; step < 5; step++) {
      const [file, line] = edits[Math.floor(random() * edits.length)] as [string, string];
      toggle(file, line);
      // Which run brings the output up to date does not matter (a file system may
      // report one write twice); that one does, and that watch never stops stale.
      await expectWatchMatchesGenerate();
    }
  });
});
