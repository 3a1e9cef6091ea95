/**
 * Differential property test: random projects go through the real pipeline (config,
 * ts-morph discovery, child-process evaluation, model, emit, atomic write), the
 * generated modules are imported (in a child process, see
 * support/verify-generated-child.ts), and every cell of every policy must equal the
 * policy's dynamic filter (`compileTransitionRules`); every state must get its index
 * and near-miss strings and non-strings must be rejected with a TypeError naming the
 * state and the policy. A sample of the generated code is type-checked in one program.
 *
 * Projects are batched (many per pipeline run, one child process and one import each)
 * to keep this fast; each batch holds one project with a 250–260-state set (up to 261²
 * cells), the others have 1 to 64 states. At least 200 projects per run;
 * PM_PROPERTY_RUNS raises the count, PM_PROPERTY_SEED replays a run and
 * PM_PROPERTY_SHRINK=1 shrinks a failure.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTypeScript } from '../../codegen/emit/format-typescript.ts';
import { generate } from '../../codegen/index.ts';
import { compareCodeUnits } from '../../codegen/problem/problem.ts';
import { REPO_ROOT, removeProject, scratchProject } from './support/fixture-project.ts';
import {
  names,
  randomLargeProject,
  randomProject,
  writeRandomProjects,
  type RandomProject,
} from './support/random-project.ts';

const run = promisify(execFile);
const VERIFIER = path.join(REPO_ROOT, 'test/codegen/support/verify-generated-child.ts');

const TOTAL = Math.max(200, Number(process.env.PM_PROPERTY_RUNS ?? 0) || 0);
const BATCH = 100;
const SAMPLE = 10;
const RUNTIME_FROM_MODULES = '../../../../src/index.ts'; // from .tmp/codegen-tests/<dir>/src/

let sampleDir: string | undefined;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeProject(dir);
});

async function checkBatch(projects: RandomProject[]): Promise<void> {
  const dir = scratchProject('property');
  dirs.push(dir);
  sampleDir ??= dir;
  const modules = writeRandomProjects(dir, projects, RUNTIME_FROM_MODULES);
  const result = await generate({
    cwd: dir,
    config: { modules, runtime: '../../../src/index.ts', importExtension: '.ts' },
  });
  expect(result.problems).toEqual([]);

  const { stdout } = await run(process.execPath, ['--import', 'tsx', VERIFIER, dir, ...modules], {
    cwd: REPO_ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  const verified = JSON.parse(stdout) as { policies: string[]; failures: string[] };
  if (verified.failures.length > 0) {
    throw new Error(
      `${verified.failures.length} mismatches, the first ones:\n${verified.failures.slice(0, 20).join('\n')}`,
    );
  }
  const expected = projects.flatMap((project, p) =>
    project.policies.map((_, i) => names.policy(p, i)),
  );
  expect(verified.policies).toEqual([...expected].sort(compareCodeUnits));
}

describe('generated matrices (differential, random projects)', () => {
  it(`equal the dynamic filter on every cell of ${TOTAL} random projects`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(
          fc.array(randomProject, { minLength: BATCH - 1, maxLength: BATCH - 1 }),
          randomLargeProject,
        ),
        async ([projects, large]) => {
          await checkBatch([...projects, large]);
        },
      ),
      {
        numRuns: Math.ceil(TOTAL / BATCH),
        endOnFailure: process.env.PM_PROPERTY_SHRINK !== '1',
        ...(process.env.PM_PROPERTY_SEED === undefined
          ? {}
          : { seed: Number(process.env.PM_PROPERTY_SEED) }),
        // A batch is far too big to print; the failure itself names the policies and cells.
        reporter: (details) => {
          if (!details.failed) return;
          const error =
            details.errorInstance instanceof Error
              ? details.errorInstance.message
              : String(details.errorInstance);
          throw new Error(
            `${error}\n\nReproduce with PM_PROPERTY_SEED=${details.seed} (fast-check path ${details.counterexamplePath}).`,
          );
        },
      },
    );
  });

  it(`are left unchanged by the pinned prettier options (the modules of ${SAMPLE} projects and the largest)`, async () => {
    const root = sampleDir as string;
    const files = readdirSync(path.join(root, 'generated'))
      .filter(
        (name) =>
          Number(/^p(\d+)-/.exec(name)?.[1] ?? -1) < SAMPLE || name.startsWith(`p${BATCH - 1}-`),
      )
      .map((name) => path.join(root, 'generated', name));
    expect(files.length).toBeGreaterThan(SAMPLE);
    for (const file of files) {
      const content = readFileSync(file, 'utf8');
      expect(await formatTypeScript(content), file).toBe(content);
    }
  });

  it(`type-check (the modules of ${SAMPLE} projects, in one program)`, () => {
    expect(sampleDir).toBeDefined();
    const root = sampleDir as string;
    const sample = readdirSync(path.join(root, 'generated'))
      .filter((name) => Number(/^p(\d+)-/.exec(name)?.[1] ?? SAMPLE) < SAMPLE)
      .map((name) => path.join(root, 'generated', name));
    expect(sample.length).toBeGreaterThanOrEqual(SAMPLE);
    const program = ts.createProgram(sample, {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2023.d.ts'],
      types: ['node'],
      strict: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      verbatimModuleSyntax: true,
      allowImportingTsExtensions: true,
      isolatedModules: true,
      noEmit: true,
      skipLibCheck: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
      const where =
        d.file === undefined
          ? ''
          : `${path.relative(REPO_ROOT, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: `;
      return where + ts.flattenDiagnosticMessageText(d.messageText, ' ');
    });
    expect(diagnostics).toEqual([]);
  });
});
