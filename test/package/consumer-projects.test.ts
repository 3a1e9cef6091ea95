/**
 * The published packages, used as a new user would: both tarballs are packed (which
 * builds them), checked with publint and arethetypeswrong, and installed into fresh
 * projects outside this repository that write their own policies with a custom state
 * set and run `npx policy-matrix generate`. Then:
 *
 * - bench: `npx policy-matrix bench --quick --json` measures the project's matrices and a
 *   second run gates on the first (`--baseline`, `--fail-on 50`);
 * - tsc + node: plain `tsc` (strict, NodeNext, no `.ts` specifiers, no skipLibCheck,
 *   no @types/node, no database drivers) builds the project, every entry point's types
 *   included, and plain `node` runs it;
 * - bundler: esbuild bundles it for Node, with no compiler code inside;
 * - Vite: the packed compiler's Vite plugin generates the matrices at build start in a
 *   `vite build` (Vite from this repository's lockfile);
 * - tsx: a second project runs its policies straight from TypeScript;
 * - a misspelt state name is a type error that names the misspelling;
 * - `npm install --omit=dev` leaves no compiler, formatter or loader installed, and the
 *   built program still runs;
 * - the Orion preset as installed: an engine given only a store runs on the six shipped
 *   matrices (each equal to its policy class), the testing kit opens a bed of its own,
 *   and a config that re-exports the preset to extend it compiles, with the lint of the
 *   package's own policies summarised in one line.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  configModule,
  DOCUMENT_POLICIES,
  ENTRY_POINT_TYPES,
  DOCUMENT_PROGRAM_OUTPUT,
  documentProgram,
  misspeltStateProgram,
  NODE_NEXT_TSCONFIG,
  ORION_BUNDLED_PROGRAM,
  ORION_BUNDLED_PROGRAM_OUTPUT,
  ORION_EXTENSION,
  ORION_EXTENSION_CONFIG,
  ORION_PROGRAM,
  ORION_PROGRAM_OUTPUT,
} from './support/consumer-sources.ts';
import {
  consumerEnvironment,
  lockedVersion,
  newProject,
  npmInstall,
  packTarballs,
  removeFolder,
  REPO_ROOT,
  run,
  runOk,
  writeFiles,
  type Tarballs,
} from './support/consumer-project.ts';

const DEV_TOOLS = ['typescript', 'ts-morph', 'prettier', 'tsx', 'chokidar', 'esbuild'];

let tarballs: Tarballs;
const folders: string[] = [];

beforeAll(async () => {
  tarballs = await packTarballs();
  folders.push(tarballs.dir);
}, 240_000);

afterAll(() => folders.forEach(removeFolder));

describe('the packed tarballs', () => {
  it('ship compiled JavaScript, declarations, declaration maps and sources, and no tests', async () => {
    const files = async (tarball: string): Promise<string[]> =>
      (await runOk('tar', ['-tzf', tarball], tarballs.dir)).stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => line.replace(/^package\//, ''));
    const runtime = await files(tarballs.runtime);
    expect(runtime).toEqual(
      expect.arrayContaining([
        'package.json',
        'index.ts',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/index.d.ts.map',
        'dist/orion/index.js',
        'dist/orion/index.d.ts',
        'dist/orion/entry.js',
        'dist/orion/matrices/index.js',
        'dist/orion/matrices/index.d.ts',
        'dist/orion/matrices/generated/core-task-policy.js',
        'dist/testing/entry.js',
      ]),
    );
    const codegen = await files(tarballs.codegen);
    expect(codegen).toEqual(
      expect.arrayContaining([
        'bin/policy-matrix.js',
        'dist/cli/main.js',
        'dist/index.d.ts',
        'dist/plugin/vite.js',
        'dist/plugin/vite.d.ts',
      ]),
    );
    for (const [label, shipped] of [
      ['runtime', runtime],
      ['codegen', codegen],
    ] as const) {
      expect(shipped, `${label}: its own README and the LICENSE its license field names`).toEqual(
        expect.arrayContaining(['README.md', 'LICENSE']),
      );
    }
    for (const name of [...runtime, ...codegen]) {
      expect(name).not.toMatch(/(^|\/)(test|tests|fixtures|bench-results|scripts)\//);
      expect(name).not.toMatch(/\.test\.ts$/);
    }
    // The compiler ships its bench command (bench/); the runtime has no benchmark code.
    for (const name of runtime) expect(name).not.toMatch(/(^|\/)bench\//);
  });

  it('carry the repository LICENSE (MIT) and a README that names the package', async () => {
    const license = readFileSync(path.join(REPO_ROOT, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) the policy-matrix authors\n/);
    for (const [tarball, name] of [
      [tarballs.runtime, 'policy-matrix'],
      [tarballs.codegen, '@policy-matrix/codegen'],
    ] as const) {
      const read = async (file: string): Promise<string> =>
        (await runOk('tar', ['-xzOf', tarball, `package/${file}`], tarballs.dir)).stdout;
      expect(await read('LICENSE')).toBe(license);
      expect(await read('README.md')).toMatch(new RegExp(`^# ${name.replace('/', '\\/')}\n`));
      const manifest = JSON.parse(await read('package.json')) as Record<string, unknown>;
      expect(manifest).toMatchObject({ license: 'MIT', repository: { type: 'git' } });
      expect(manifest['homepage']).toMatch(/^https:\/\//);
      expect(manifest['bugs']).toMatchObject({ url: expect.stringMatching(/\/issues$/) });
    }
  });

  it('pass npm publish --dry-run, which publishes nothing', async () => {
    // Safety: a dry run against a registry address where nothing listens, with no
    // retries, no lifecycle scripts and no credentials; a real publish could not succeed.
    for (const tarball of [tarballs.runtime, tarballs.codegen]) {
      const dryRun = await run(
        'npm',
        [
          'publish',
          '--dry-run',
          '--ignore-scripts',
          '--fetch-retries=0',
          '--registry=http://127.0.0.1:9/',
          `./${path.basename(tarball)}`,
        ],
        tarballs.dir,
      );
      const output = dryRun.stdout + dryRun.stderr;
      expect(dryRun.code, output).toBe(0);
      expect(output).toContain('(dry-run)');
      expect(output).toMatch(/npm notice [\d.]+[kM]?B README\.md\n/);
      expect(output).toMatch(/npm notice [\d.]+[kM]?B LICENSE\n/);
    }
  }, 120_000);

  it('satisfy publint and arethetypeswrong (ESM-only profile)', async () => {
    for (const folder of ['src', 'codegen']) {
      const lint = await run('npx', ['publint', '--strict', folder], REPO_ROOT, process.env);
      expect(lint.stdout + lint.stderr, `publint ${folder}`).toContain('All good!');
      expect(lint.code).toBe(0);
    }
    for (const tarball of [tarballs.runtime, tarballs.codegen]) {
      const attw = await run(
        'npx',
        ['attw', tarball, '--profile', 'esm-only', '--format', 'ascii'],
        REPO_ROOT,
        process.env,
      );
      expect(attw.code, `attw ${path.basename(tarball)}\n${attw.stdout}${attw.stderr}`).toBe(0);
    }
  }, 120_000);
});

describe('a tsc + node project', () => {
  let dir: string;
  beforeAll(async () => {
    dir = newProject('tsc-node', {
      'package.json': `${JSON.stringify(
        {
          name: 'document-service',
          private: true,
          type: 'module',
          dependencies: { 'policy-matrix': `file:${tarballs.runtime}` },
          devDependencies: {
            '@policy-matrix/codegen': `file:${tarballs.codegen}`,
            typescript: lockedVersion('typescript'),
            esbuild: lockedVersion('esbuild'),
            vite: lockedVersion('vite'),
          },
        },
        null,
        2,
      )}\n`,
      'tsconfig.json': NODE_NEXT_TSCONFIG,
      'policy-matrix.config.ts': configModule('.js'),
      'src/policies.ts': DOCUMENT_POLICIES,
      'src/main.ts': documentProgram('../generated/index.js'),
      'src/entry-points.ts': ENTRY_POINT_TYPES,
      'src/orion-app.ts': ORION_PROGRAM,
      'src/orion-bundled.ts': ORION_BUNDLED_PROGRAM,
      'src/orion-extension.ts': ORION_EXTENSION,
      'policy-matrix.orion.config.ts': ORION_EXTENSION_CONFIG,
    });
    folders.push(dir);
    await npmInstall(dir);
  }, 240_000);

  it('generates the matrices with npx policy-matrix generate', async () => {
    const generated = await runOk('npx', ['policy-matrix', 'generate'], dir);
    expect(generated.stdout).toContain('DocumentPolicy  4 states  2 rules');
    expect(generated.stdout).toContain('1 policy, 2 rules');
    expect(existsSync(path.join(dir, 'generated/document-policy.ts'))).toBe(true);
    expect((await run('npx', ['policy-matrix', 'check'], dir)).code).toBe(0);
  }, 120_000);

  it('benchmarks its own matrices with npx policy-matrix bench, and gates on its own baseline', async () => {
    const first = await runOk(
      'npx',
      ['policy-matrix', 'bench', '--quick', '--json', 'out.json'],
      dir,
    );
    expect(first.stdout).toContain('DocumentPolicy (');
    const report = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')) as {
      version: unknown;
    };
    expect(report.version).toBe(1);
    const gated = await run(
      'npx',
      ['policy-matrix', 'bench', '--quick', '--baseline', 'out.json', '--fail-on', '50'],
      dir,
    );
    expect(gated.code, gated.stdout + gated.stderr).toBe(0);
    expect(gated.stdout).toContain('gate: passed');
  }, 120_000);

  it('compiles a config that re-exports the Orion preset to extend it, summarising the package’s lint in one line', async () => {
    const generated = await runOk(
      'npx',
      ['policy-matrix', 'generate', '--config', 'policy-matrix.orion.config.ts'],
      dir,
    );
    expect(generated.stdout).toContain('StrictTaskPolicy');
    expect(generated.stdout + generated.stderr).not.toContain('node_modules/');
    expect(generated.stdout + generated.stderr).toContain(
      'lint: policy-matrix (installed package): 1 finding (0 errors, 0 warnings, 1 info) in its policies, not listed',
    );
    expect(existsSync(path.join(dir, 'generated-orion/strict-task-policy.ts'))).toBe(true);
  }, 120_000);

  it('runs the installed command from any folder, with --config and its exit code', async () => {
    const index = path.join(dir, 'generated/index.ts');
    const kept = readFileSync(index, 'utf8');
    removeFolder(index);
    const elsewhere = path.join(dir, 'src');
    const stale = await run(
      path.join(dir, 'node_modules/.bin/policy-matrix'),
      ['check', '--config', path.join(dir, 'policy-matrix.config.ts')],
      elsewhere,
    );
    expect(stale).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'missing: generated/index.ts\ncheck: 1 of 2 files out of date; run `npx policy-matrix generate`.\n',
    });
    writeFiles(dir, { 'generated/index.ts': kept });
  }, 120_000);

  it('builds with plain tsc and runs with plain node', async () => {
    const built = await run('npx', ['tsc', '-p', '.'], dir);
    expect(built.stdout + built.stderr).toBe('');
    expect(built.code).toBe(0);
    const ran = await runOk('node', ['dist/src/main.js'], dir);
    expect(ran.stdout).toBe(DOCUMENT_PROGRAM_OUTPUT);
    const orion = await runOk('node', ['dist/src/orion-app.js'], dir);
    expect(orion.stdout).toBe(ORION_PROGRAM_OUTPUT);
  }, 120_000);

  it('bundles with esbuild for Node, with no compiler code in the bundle', async () => {
    await runOk(
      'npx',
      [
        'esbuild',
        'src/main.ts',
        '--bundle',
        '--platform=node',
        '--format=esm',
        '--outfile=bundle/main.mjs',
      ],
      dir,
    );
    const bundle = readFileSync(path.join(dir, 'bundle/main.mjs'), 'utf8');
    for (const marker of ['ts-morph', 'prettier', 'typescript', 'chokidar', 'tsx/esm'])
      expect(bundle).not.toContain(marker);
    const size = statSync(path.join(dir, 'bundle/main.mjs')).size;
    expect(size).toBeLessThan(200_000);
    const ran = await runOk('node', ['bundle/main.mjs'], dir);
    expect(ran.stdout).toBe(DOCUMENT_PROGRAM_OUTPUT);
    // The Orion preset, minified: the entry module that installs the matrices stays.
    await runOk(
      'npx',
      [
        'esbuild',
        'src/orion-bundled.ts',
        '--bundle',
        '--minify',
        '--platform=node',
        '--format=esm',
        '--outfile=bundle/orion.mjs',
      ],
      dir,
    );
    const orion = await runOk('node', ['bundle/orion.mjs'], dir);
    expect(orion.stdout).toBe(ORION_BUNDLED_PROGRAM_OUTPUT);
  }, 120_000);

  it("generates the matrices at build start with the compiler's Vite plugin", async () => {
    writeFiles(dir, {
      'vite.config.mjs': [
        "import policyMatrix from '@policy-matrix/codegen/vite';",
        '',
        'export default {',
        '  plugins: [policyMatrix()],',
        "  build: { ssr: 'src/main.ts', outDir: 'vite-dist' },",
        '};',
        '',
      ].join('\n'),
    });
    const committed = readFileSync(path.join(dir, 'generated/document-policy.ts'), 'utf8');
    removeFolder(path.join(dir, 'generated'));
    await runOk('npx', ['vite', 'build', '--logLevel', 'error'], dir, {
      ...consumerEnvironment(),
      CI: '',
    });
    expect(readFileSync(path.join(dir, 'generated/document-policy.ts'), 'utf8')).toBe(committed);
    const ran = await runOk('node', ['vite-dist/main.js'], dir);
    expect(ran.stdout).toBe(DOCUMENT_PROGRAM_OUTPUT);
  }, 120_000);

  it('rejects a misspelt state name at compile time, naming the misspelling', async () => {
    writeFiles(dir, { 'src/misspelt.ts': misspeltStateProgram('../generated/index.js') });
    const built = await run('npx', ['tsc', '-p', '.', '--noEmit'], dir);
    expect(built.code).not.toBe(0);
    expect(built.stdout).toMatch(/src\/misspelt\.ts\(3,\d+\): error TS\d+: .*"drafts"/);
    removeFolder(path.join(dir, 'src/misspelt.ts'));
  }, 120_000);

  it('installs no compiler, formatter or loader with npm install --omit=dev, and still runs', async () => {
    await npmInstall(dir, '--omit=dev');
    for (const name of DEV_TOOLS)
      expect(existsSync(path.join(dir, 'node_modules', name)), name).toBe(false);
    expect(existsSync(path.join(dir, 'node_modules/@policy-matrix/codegen'))).toBe(false);
    const ran = await runOk('node', ['dist/src/main.js'], dir);
    expect(ran.stdout).toBe(DOCUMENT_PROGRAM_OUTPUT);
    const orion = await runOk('node', ['dist/src/orion-app.js'], dir);
    expect(orion.stdout).toBe(ORION_PROGRAM_OUTPUT);
  }, 240_000);
});

describe('a tsx project', () => {
  it('generates with .ts specifiers and runs its policies straight from TypeScript', async () => {
    const dir = newProject('tsx', {
      'package.json': `${JSON.stringify(
        {
          name: 'document-worker',
          private: true,
          type: 'module',
          dependencies: { 'policy-matrix': `file:${tarballs.runtime}` },
          devDependencies: {
            '@policy-matrix/codegen': `file:${tarballs.codegen}`,
            tsx: lockedVersion('tsx'),
          },
        },
        null,
        2,
      )}\n`,
      'policy-matrix.config.ts': configModule('.ts'),
      'src/policies.ts': DOCUMENT_POLICIES,
      'src/main.ts': documentProgram('../generated/index.ts'),
    });
    folders.push(dir);
    await npmInstall(dir);
    await runOk('npx', ['policy-matrix', 'generate'], dir);
    expect(readFileSync(path.join(dir, 'generated/index.ts'), 'utf8')).toContain(
      "from './document-policy.ts'",
    );
    const ran = await runOk('npx', ['tsx', 'src/main.ts'], dir);
    expect(ran.stdout).toBe(DOCUMENT_PROGRAM_OUTPUT);
  }, 240_000);
});
