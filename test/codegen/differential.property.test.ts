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
 * to keep this fast, and a batch is verified while the next one is generated; each
 * batch holds one project with a 250–260-state set (up to 261² cells), the others
 * have 1 to 64 states. At least 200 projects per run;
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

interface GeneratedBatch {
  projects: RandomProject[];
  dir: string;
  modules: string[];
}

/** Writes a batch of projects and runs the real pipeline on it. */
async function generateBatch(projects: RandomProject[]): Promise<GeneratedBatch> {
  const dir = scratchProject('property');
  dirs.push(dir);
  sampleDir ??= dir;
  const modules = writeRandomProjects(dir, projects, RUNTIME_FROM_MODULES);
  const result = await generate({
    cwd: dir,
    config: { modules, runtime: '../../../src/index.ts', importExtension: '.ts' },
  });
  expect(result.problems).toEqual([]);
  return { projects, dir, modules };
}

/** Imports a generated batch in a child process and checks every policy against its dynamic filter. */
async function verifyBatch({ projects, dir, modules }: GeneratedBatch): Promise<void> {
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

/**
 * Generates the batches one after another while the previous batch is verified in its
 * child process, so that the two cores work at once.
 */
async function checkBatches(batches: RandomProject[][]): Promise<void> {
  const verifications: Promise<void>[] = [];
  try {
    for (const projects of batches) {
      const generated = await generateBatch(projects);
      await verifications.at(-1);
      const verification = verifyBatch(generated);
      verification.catch(() => undefined); // awaited below; never an unhandled rejection
      verifications.push(verification);
    }
    await Promise.all(verifications);
  } finally {
    await Promise.allSettled(verifications);
  }
}

const batch = fc
  .tuple(
    fc.array(randomProject, { minLength: BATCH - 1, maxLength: BATCH - 1 }),
    randomLargeProject,
  )
  .map(([projects, large]) => [...projects, large]);
const BATCHES = Math.ceil(TOTAL / BATCH);

describe('generated matrices (differential, random projects)', () => {
  it(`equal the dynamic filter on every cell of ${TOTAL} random projects`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(batch, { minLength: BATCHES, maxLength: BATCHES }), checkBatches),
      {
        numRuns: 1,
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
    // Generous: the work is hundreds of compiles, and CI's two cores are shared with the
    // other test files; a slow run is not a failure of what this test checks.
  }, 180_000);

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
      types: [], // the runtime's own node: imports are type-checked by the repository's tsc
      strict: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      verbatimModuleSyntax: true,
      allowImportingTsExtensions: true,
      isolatedModules: true,
      noEmit: true,
      skipLibCheck: true,
    });
    const generated = path.join(root, 'generated') + path.sep;
    const diagnostics = [
      ...program.getGlobalDiagnostics(),
      ...program.getSyntacticDiagnostics(),
      ...program
        .getSourceFiles()
        .filter(
          (file) =>
            path.resolve(file.fileName).startsWith(generated) ||
            path.resolve(file.fileName).startsWith(path.join(root, 'src')),
        )
        .flatMap((file) => program.getSemanticDiagnostics(file)),
    ].map((d) => {
      const where =
        d.file === undefined
          ? ''
          : `${path.relative(REPO_ROOT, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: `;
      return where + ts.flattenDiagnosticMessageText(d.messageText, ' ');
    });
    expect(diagnostics).toEqual([]);
  });
});
