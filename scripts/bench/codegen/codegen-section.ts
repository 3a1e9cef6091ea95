/**
 * The codegen section, in ms per run, through the compiler's programmatic API in this
 * process (so the figures are the compiler's work: config, ts-morph discovery, the
 * evaluation child process it spawns, model, emit with prettier, write; not the
 * start-up of a `tsx` CLI process):
 *
 * - `generate-repo`: `generate` with this repository's policy-matrix.config.ts, its
 *   output folder redirected to .tmp/bench/generate-repo (so the bench never rewrites
 *   generated/ under other work) and cleared before every sample (untimed), so every
 *   run writes every file;
 * - `check-repo`: `check` with this repository's config, as CI runs it (it writes
 *   nothing; a stale generated/ makes it also read the stale modules back);
 * - `generate-large`: `generate` on the synthetic project of large-project.ts (64
 *   states, 500 rules, 20 policies), output cleared before every sample.
 *
 * The three are interleaved round by round after one untimed warm-up round. The
 * generated size (bytes of every emitted file) is shown next to each generate case.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PolicyMatrixConfig } from '../../../codegen/index.ts';
import type { BenchCase } from '../../../codegen/bench/harness/bench-case.ts';
import {
  sampleInterleaved,
  type SamplingPlan,
} from '../../../codegen/bench/harness/sample-interleaved.ts';
import { measuredCases } from '../../../codegen/bench/harness/summarize-samples.ts';
import type { MeasuredGroup } from '../report/bench-run.ts';
import { loadCodegenApi } from './codegen-api.ts';
import { LARGE_PROJECT, writeLargeProject } from './large-project.ts';
import { regenerateAfterEditCase } from './regenerate-after-edit.ts';

export interface CodegenSectionOptions {
  root: string;
  plan: SamplingPlan;
  progress: (round: number) => void;
  notes: string[];
}

export async function runCodegenSection(options: CodegenSectionOptions): Promise<MeasuredGroup[]> {
  const { root, plan, progress, notes } = options;
  const { codegen, generateOrThrow } = await loadCodegenApi();
  const repoConfigFile = join(root, 'policy-matrix.config.ts');
  const repoConfig = (
    (await import(pathToFileURL(repoConfigFile).href)) as { default: PolicyMatrixConfig }
  ).default;
  const repoOut = join(root, '.tmp', 'bench', 'generate-repo');
  const large = writeLargeProject(root, join(root, '.tmp', 'bench', 'large-project'));
  const bytes = new Map<string, number>();
  const checkStatus = new Set<string>();

  const generateCase = (
    name: string,
    outDir: string,
    run: () => Promise<Map<string, string>>,
  ): BenchCase => ({
    name,
    opsPerRep: 1,
    prepare: () => rmSync(outDir, { recursive: true, force: true }),
    async run(reps) {
      let files = 0;
      for (let r = 0; r < reps; r++) {
        const contents = await run();
        files += contents.size;
        bytes.set(
          name,
          [...contents.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0),
        );
      }
      return files;
    },
  });
  const cases: BenchCase[] = [
    generateCase('generate-repo', repoOut, async () => {
      const config: PolicyMatrixConfig = { ...repoConfig, outDir: repoOut };
      return (await generateOrThrow({ cwd: root, config })).contents;
    }),
    {
      name: 'check-repo',
      opsPerRep: 1,
      async run(reps) {
        let files = 0;
        for (let r = 0; r < reps; r++) {
          const result = await codegen.check({ cwd: root });
          if (result.problems.length > 0) {
            throw new Error(
              `check reported problems for policy-matrix.config.ts:\n${codegen.formatProblems(result.problems)}`,
            );
          }
          checkStatus.add(result.ok ? 'fresh' : 'stale');
          files += result.files.length;
        }
        return files;
      },
    },
    generateCase(
      'generate-large',
      large.outDir,
      async () => (await generateOrThrow({ cwd: large.dir, config: large.config })).contents,
    ),
  ];
  cases.push(await regenerateAfterEditCase(root)); // the warm compiler: save-to-written-module
  const samples = await sampleInterleaved(cases, plan, progress);
  if (checkStatus.has('stale')) {
    notes.push(
      'check-repo found generated/ stale in some runs, so those runs also read the stale modules back: run `npm run generate` before benchmarking.',
    );
  }
  const size = (name: string): string =>
    `${bytes.get(name)?.toLocaleString('en-US') ?? '?'} bytes generated`;
  return [
    {
      section: 'codegen',
      workload: 'compiler',
      per: 'run',
      unit: 'ms',
      reported: true,
      description:
        `Programmatic API in this process. generate-repo: this repository's config into a cleared .tmp folder; check-repo: ` +
        `this repository's config against generated/; generate-large: ${LARGE_PROJECT.states} states, ${LARGE_PROJECT.rules} rules, ` +
        `${LARGE_PROJECT.policies} policies into a cleared folder.`,
      cases: measuredCases(cases, samples, 'ms', {
        'generate-repo': size('generate-repo'),
        'generate-large': size('generate-large'),
      }),
    },
  ];
}
