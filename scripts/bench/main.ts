/**
 * `npm run bench`: measures rule lookup, orchestration (the machinery, and real Orion
 * task transitions) and code generation side by side in one process, and prints a
 * table of medians with their interquartile range, the targets with PASS or MISS, and
 * the machine and its load.
 *
 *   npm run -s bench -- [--quick] [--json <file>] [--markdown <file>] [--svg <file>]
 *                       [--only lookup,orchestration,orion,codegen]
 *
 * `--json` writes the JSON contract (three sections of medians), `--markdown` and
 * `--svg` a table and a chart of the same run. A missed target is reported, never an
 * exit code: the bench measures, CI does not gate on it. Never run by `npm test`.
 * A command-line mistake exits 2 with the usage; a failed set-up check exits 1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchUsageError, parseBenchOptions } from './bench-options.ts';
import { loadGeneratedMatrices, loadPresetPolicies } from './bench-modules.ts';
import { runCodegenSection } from './codegen/codegen-section.ts';
import { blackholeDigest } from '../../codegen/bench/harness/blackhole.ts';
import { sectionPlan } from './section-plan.ts';
import { runLookupSection } from './lookup/lookup-section.ts';
import { runOrchestrationSection } from './orchestration/orchestration-section.ts';
import { runOrionSection } from './orchestration/orion-section.ts';
import type { BenchRun, MeasuredGroup, SectionId } from './report/bench-run.ts';
import { contractJson } from './report/contract-json.ts';
import { captureEnvironment, finishEnvironment } from '../../codegen/bench/harness/environment.ts';
import { renderMarkdown } from './report/markdown-report.ts';
import { renderSvgReport } from './report/svg-report.ts';
import { renderTextTable } from './report/text-table.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function main(argv: readonly string[]): Promise<void> {
  const options = parseBenchOptions(argv);
  const environment = captureEnvironment(ROOT);
  process.stderr.write(
    `policy-matrix bench (${options.quick ? 'quick' : 'full'}): Node ${environment.node}, ${environment.cpu} × ${environment.cores}\n` +
      `load: ${environment.loadBefore}\n`,
  );
  const preset = await loadPresetPolicies();
  const matrices = await loadGeneratedMatrices();
  const groups: MeasuredGroup[] = [];
  const notes: string[] = [];

  const section = async (
    id: SectionId,
    run: (progress: (round: number) => void) => Promise<MeasuredGroup[]>,
  ) => {
    if (!options.sections.includes(id)) return;
    const plan = sectionPlan(id, options.quick);
    const started = Date.now();
    // Live progress only on a terminal; logs get the one line per section below.
    const progress = (round: number): void => {
      if (process.stderr.isTTY) process.stderr.write(`\r${id}: round ${round}/${plan.rounds}`);
    };
    groups.push(...(await run(progress)));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}${id}: done in ${seconds} s\n`);
  };

  await section('lookup', (progress) =>
    runLookupSection(
      preset.CoreTaskPolicy,
      matrices.CoreTaskPolicyMatrix,
      sectionPlan('lookup', options.quick),
      progress,
    ),
  );
  await section('orchestration', (progress) =>
    runOrchestrationSection({
      root: ROOT,
      preset,
      matrices,
      plan: sectionPlan('orchestration', options.quick),
      progress,
      notes,
    }),
  );
  await section('orion', (progress) =>
    runOrionSection({ preset, matrices, plan: sectionPlan('orion', options.quick), progress }),
  );
  await section('codegen', (progress) =>
    runCodegenSection({ root: ROOT, plan: sectionPlan('codegen', options.quick), progress, notes }),
  );

  const run: BenchRun = {
    quick: options.quick,
    environment: finishEnvironment(environment),
    groups,
    notes,
  };
  process.stdout.write(`${renderTextTable(run)}\n(blackhole: ${blackholeDigest()})\n`);

  const command = ['npm run -s bench --', ...argv].join(' ');
  if (options.json !== null) write(options.json, `${JSON.stringify(contractJson(run), null, 2)}\n`);
  if (options.markdown !== null) write(options.markdown, renderMarkdown(run, command));
  if (options.svg !== null) write(options.svg, renderSvgReport(run));
}

function write(file: string, text: string): void {
  const path = resolve(process.cwd(), file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  process.stderr.write(`wrote ${path}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof BenchUsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(
    `\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
