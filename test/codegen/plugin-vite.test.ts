/**
 * The build plugin in Vite, on one copy of test/fixtures/build-plugin (a policy and an
 * app module that imports its generated matrix): `vite build` bundles the matrix of a
 * policy edited without running generate, fails at a syntax error's location, and in
 * check mode fails on a stale committed matrix naming the cell; a dev server started
 * with `createServer` serves the new cell after an edit, reports a broken policy and
 * recovers when it is fixed, without a restart.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import policyMatrix from '../../codegen/plugin/vite.ts';
import type { PolicyMatrixPluginOptions } from '../../codegen/plugin/plugin-options.ts';
import { copyFixture, editFile, FIXTURES, removeProject } from './support/fixture-project.ts';

const RUNNING_ONLY = 'new Set([StateType.RUNNING])';
const RUNNING_AND_COMPLETED = 'new Set([StateType.RUNNING, StateType.COMPLETED])';

let dir: string;
let original: string;
let builds = 0;

beforeAll(() => {
  dir = copyFixture('build-plugin');
  original = readFileSync(path.join(dir, 'src/policies.ts'), 'utf8');
});
afterAll(() => removeProject(dir));

/** The built app module (the fixture's src/app.ts). */
interface BuiltApp {
  ruleCount: (from: string, to: string) => number;
}

/** `vite build` of the app module (for Node, unminified); resolves to the built module. */
async function viteBuild(options: PolicyMatrixPluginOptions = {}): Promise<BuiltApp> {
  const outDir = `dist-${++builds}`;
  await build({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    plugins: [policyMatrix({ cwd: dir, mode: 'generate', ...options })],
    build: { ssr: 'src/app.ts', outDir, minify: false },
  });
  return (await import(pathToFileURL(path.join(dir, outDir, 'app.js')).href)) as BuiltApp;
}

describe('vite build with the policy-matrix plugin', () => {
  it('bundles the matrix of a policy edited without running generate', async () => {
    editFile(dir, 'src/policies.ts', RUNNING_ONLY, RUNNING_AND_COMPLETED);
    const app = await viteBuild();
    expect(app.ruleCount('PENDING', 'COMPLETED')).toBe(1);
    expect(readFileSync(path.join(dir, 'generated/gate-policy.ts'), 'utf8')).not.toBe(
      readFileSync(path.join(FIXTURES, 'build-plugin/generated/gate-policy.ts'), 'utf8'),
    );
  });

  it('fails with the location of a syntax error in a policy', async () => {
    editFile(dir, 'src/policies.ts', 'return [GateRule];', 'return [GateRule;');
    await expect(viteBuild()).rejects.toThrow(/src\/policies\.ts:10:21: error PM020\b/);
    writeFileSync(path.join(dir, 'src/policies.ts'), original);
  });

  it('in check mode, fails on a stale committed matrix, naming the cell', async () => {
    // The committed matrix now has GateRule in PENDING → COMPLETED; the policy no longer does.
    await expect(viteBuild({ mode: 'check' })).rejects.toThrow(
      /stale: generated\/gate-policy\.ts \(GatePolicy\)[^]*PENDING → COMPLETED: \[GateRule\] → \[\]/,
    );
  });
});

describe('a Vite dev server with the policy-matrix plugin', () => {
  let server: ViteDevServer;
  const overlay: unknown[] = [];
  const ruleCount = async (): Promise<number> => {
    const app = (await server.ssrLoadModule('/src/app.ts')) as {
      ruleCount: (from: string, to: string) => number;
    };
    return app.ruleCount('PENDING', 'COMPLETED');
  };

  beforeAll(async () => {
    writeFileSync(path.join(dir, 'src/policies.ts'), original);
    server = await createServer({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      appType: 'custom',
      server: { middlewareMode: true },
      plugins: [policyMatrix({ cwd: dir, mode: 'generate', debounceMs: 10 })],
    });
    const send = server.ws.send.bind<(payload: unknown) => void>(server.ws);
    server.ws.send = (payload: unknown) => {
      overlay.push(payload);
      send(payload);
    };
  });
  afterAll(async () => server?.close());

  it('generated before serving: the matrix equals the policy', async () => {
    expect(await ruleCount()).toBe(0);
  });

  it("serves the new cell after an edit of a rule's TO_STATES, without a restart", async () => {
    editFile(dir, 'src/policies.ts', RUNNING_ONLY, RUNNING_AND_COMPLETED);
    await vi.waitFor(async () => expect(await ruleCount()).toBe(1), {
      timeout: 30_000,
      interval: 100,
    });
  });

  it('reports a broken policy at its location, in the overlay and on import', async () => {
    editFile(dir, 'src/policies.ts', 'return [GateRule];', 'return [GateRule;');
    await vi.waitFor(
      () =>
        expect(overlay).toContainEqual(
          expect.objectContaining({
            type: 'error',
            err: expect.objectContaining({
              message: expect.stringMatching(/src\/policies\.ts:10:21: error PM020\b/),
            }),
          }),
        ),
      { timeout: 30_000, interval: 100 },
    );
    // The module that imports the matrix fails at the same place (Vite's own transform
    // of the policy, or the plugin's problems on loading the generated module).
    await expect(ruleCount()).rejects.toThrow(/src\/policies\.ts:10:21/);
    expect(overlay).toContainEqual(
      expect.objectContaining({
        type: 'error',
        err: expect.objectContaining({
          loc: { file: path.join(dir, 'src/policies.ts'), line: 10, column: 21 },
        }),
      }),
    );
  });

  it('recovers when the policy is fixed', async () => {
    editFile(dir, 'src/policies.ts', 'return [GateRule;', 'return [GateRule];');
    editFile(dir, 'src/policies.ts', RUNNING_AND_COMPLETED, RUNNING_ONLY);
    await vi.waitFor(async () => expect(await ruleCount()).toBe(0), {
      timeout: 30_000,
      interval: 100,
    });
  });
});
