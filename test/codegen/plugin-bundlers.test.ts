/**
 * The build plugin in esbuild (a build and a watch context), Rollup and Rspack, on one
 * copy of test/fixtures/build-plugin: each build bundles the matrix of the policy as
 * last edited, without generate having been run; the esbuild watch context rebuilds
 * (and regenerates) when the policy changes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rspack } from '@rspack/core';
import * as esbuild from 'esbuild';
import { rollup, type Plugin as RollupPlugin } from 'rollup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import esbuildPlugin from '../../codegen/plugin/esbuild.ts';
import rollupPlugin from '../../codegen/plugin/rollup.ts';
import rspackPlugin from '../../codegen/plugin/rspack.ts';
import { copyFixture, removeProject } from './support/fixture-project.ts';

interface App {
  ruleCount(from: string, to: string): number;
}

const POLICY = 'src/policies.ts';
const RUNNING_ONLY = 'new Set([StateType.RUNNING])';
const RUNNING_AND_COMPLETED = 'new Set([StateType.RUNNING, StateType.COMPLETED])';

let dir: string;
let outputs = 0;

beforeAll(() => {
  dir = copyFixture('build-plugin');
});
afterAll(() => removeProject(dir));

/** Sets GateRule's TO_STATES: with COMPLETED, PENDING → COMPLETED has one rule, else none. */
function setToStates(withCompleted: boolean): void {
  const file = path.join(dir, POLICY);
  const text = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    withCompleted
      ? text.replace(RUNNING_ONLY, RUNNING_AND_COMPLETED)
      : text.replace(RUNNING_AND_COMPLETED, RUNNING_ONLY),
  );
}

/** A fresh output file name under the copy. */
function output(extension: string): string {
  return path.join(dir, 'dist', `app-${++outputs}${extension}`);
}

const options = (): { cwd: string; mode: 'generate' } => ({ cwd: dir, mode: 'generate' });

describe('esbuild with the policy-matrix plugin', () => {
  const buildOptions = (outfile: string): esbuild.BuildOptions => ({
    entryPoints: [path.join(dir, 'src/app.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'silent',
  });

  it('bundles the matrix of a policy edited without running generate', async () => {
    setToStates(true);
    const outfile = output('.mjs');
    await esbuild.build({ ...buildOptions(outfile), plugins: [esbuildPlugin(options())] });
    const app = (await import(pathToFileURL(outfile).href)) as App;
    expect(app.ruleCount('PENDING', 'COMPLETED')).toBe(1);
  });

  it('fails with the location of a syntax error in a policy', async () => {
    const file = path.join(dir, POLICY);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('return [GateRule];', 'return [GateRule;'));
    try {
      const failure = await esbuild
        .build({ ...buildOptions(output('.mjs')), plugins: [esbuildPlugin(options())] })
        .then(
          () => undefined,
          (error: esbuild.BuildFailure) => error,
        );
      expect(failure?.errors).toContainEqual(
        expect.objectContaining({
          pluginName: 'policy-matrix',
          text: expect.stringMatching(/^policy-matrix: Syntax error/),
          // esbuild shows paths relative to its working folder, columns from 0
          location: expect.objectContaining({
            file: path.relative(process.cwd(), file),
            line: 10,
            column: 20,
          }),
        }),
      );
    } finally {
      writeFileSync(file, text);
    }
  });

  it('rebuilds a watch context, with the new matrix, when the policy changes', async () => {
    const outfile = output('.mjs');
    const ended: (() => void)[] = [];
    const nextBuild = (): Promise<void> => new Promise((resolve) => ended.push(resolve));
    const context = await esbuild.context({
      ...buildOptions(outfile),
      plugins: [
        esbuildPlugin(options()),
        { name: 'build-ended', setup: (build) => build.onEnd(() => ended.shift()?.()) },
      ],
    });
    try {
      const first = nextBuild();
      await context.watch();
      await first;
      const counted = async (): Promise<number> =>
        ((await import(`${pathToFileURL(outfile).href}?${Date.now()}`)) as App).ruleCount(
          'PENDING',
          'COMPLETED',
        );
      expect(await counted()).toBe(1);
      const rebuilt = nextBuild();
      setToStates(false);
      await rebuilt;
      expect(await counted()).toBe(0);
    } finally {
      await context.dispose();
    }
  });
});

describe('Rollup with the policy-matrix plugin', () => {
  // Rollup reads JavaScript only: TypeScript goes through esbuild's transform.
  const typescript: RollupPlugin = {
    name: 'typescript',
    async transform(code, id) {
      if (!id.endsWith('.ts')) return null;
      return (await esbuild.transform(code, { loader: 'ts', format: 'esm' })).code;
    },
  };

  it('bundles the matrix of a policy edited without running generate', async () => {
    setToStates(true);
    const bundle = await rollup({
      input: path.join(dir, 'src/app.ts'),
      plugins: [rollupPlugin(options()), typescript],
      onwarn: () => undefined,
    });
    const file = output('.mjs');
    await bundle.write({ file, format: 'es' });
    await bundle.close();
    const app = (await import(pathToFileURL(file).href)) as App;
    expect(app.ruleCount('PENDING', 'COMPLETED')).toBe(1);
  });
});

describe('Rspack with the policy-matrix plugin', () => {
  it('bundles the matrix of a policy edited without running generate', async () => {
    setToStates(false);
    const file = output('.cjs');
    const stats = await new Promise<{ hasErrors(): boolean; toString(): string }>(
      (resolve, reject) =>
        rspack(
          {
            mode: 'none',
            target: 'node',
            context: dir,
            entry: './src/app.ts',
            output: {
              path: path.dirname(file),
              filename: path.basename(file),
              library: { type: 'commonjs2' },
            },
            module: {
              rules: [
                {
                  test: /\.ts$/,
                  loader: 'builtin:swc-loader',
                  options: { jsc: { parser: { syntax: 'typescript' } } },
                  type: 'javascript/auto',
                },
              ],
            },
            plugins: [rspackPlugin(options())],
          },
          (error, result) =>
            error
              ? reject(error)
              : result === undefined
                ? reject(new Error('rspack reported neither an error nor stats'))
                : resolve(result),
        ),
    );
    expect(stats.hasErrors(), stats.toString()).toBe(false);
    const app = createRequire(import.meta.url)(file) as App;
    expect(app.ruleCount('PENDING', 'COMPLETED')).toBe(0);
  });
});
