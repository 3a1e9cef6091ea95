/**
 * `bench`: measures the user's own generated matrices against the dynamic filter, a
 * nested `Map` and a raw array, per policy, with the interleaved sampler this
 * repository's own benchmarks use; and whole transitions through `orchestrate` when
 * the config has a `bench` section. Resolves to the results as data (`BenchReport`),
 * or to located problems:
 *
 * - the project does not compile, or a generated module is stale or missing (naming
 *   the cells that differ, as `check` does: a stale matrix would measure the wrong thing);
 * - `--policy` names no policy of the project;
 * - the trace is malformed or names a state a measured policy does not have
 *   (`file:line:column`, every bad entry, never a partial read).
 *
 * Measuring runs in a child process of its own that imports the user's runtime,
 * policies, generated modules and config, so the compiler's heap is not in the way.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { check } from '../check/check.ts';
import { runChild } from '../child/run-child.ts';
import { loadConfig, type ConfigOptions } from '../config/load-config.ts';
import type { ResolvedConfig } from '../config/resolved-config.ts';
import type { PolicyModel } from '../model/policy-model.ts';
import { relativePosix } from '../path/relative-posix.ts';
import type { Problem } from '../problem/problem.ts';
import { didYouMean } from '../problem/suggest-name.ts';
import { describeThrown, toThrownError } from '../problem/thrown-error.ts';
import { FULL_PLAN, QUICK_PLAN } from './bench-plan.ts';
import { BENCH_JSON_VERSION, type BenchReport, type PolicyBench } from './bench-report.ts';
import { benchRatios } from './gate/bench-ratios.ts';
import { captureEnvironment, finishEnvironment } from './harness/environment.ts';
import type { BenchPlan, BenchRequest, PolicyToMeasure } from './measure/bench-request.ts';
import { freshModules } from './fresh-modules.ts';
import type { TracePair } from './trace/read-trace.ts';
import { readTraceFile } from './trace/read-trace-file.ts';

export interface BenchOptions extends ConfigOptions {
  /** Measure only these policies (class names); default every policy the config selects. */
  policies?: readonly string[];
  /** A trace of the user's traffic (NDJSON or a JSON array of `[from, to]` pairs), relative to `cwd`. */
  trace?: string;
  /** A smoke run: few samples. */
  quick?: boolean;
  /**
   * Overrides how long each kind of group samples (tests pass tiny counts); default
   * the full or quick plan.
   */
  plan?: Partial<BenchPlan>;
  /** Told after each sampling round: rounds done, rounds in all, what is being measured. */
  onProgress?: (done: number, total: number, what: string) => void;
}

export interface BenchResult {
  ok: boolean;
  problems: Problem[];
  report: BenchReport | undefined;
}

/** Per policy, how much longer than the evaluation timeout the measuring child may take. */
const MEASURE_BUDGET_MS = { quick: 60_000, full: 300_000 };

export async function bench(options: BenchOptions = {}): Promise<BenchResult> {
  const fail = (problems: Problem[]): BenchResult => ({ ok: false, problems, report: undefined });
  const loaded = await loadConfig(options);
  if (loaded.config === undefined) return fail(loaded.problems);
  const config = loaded.config;
  const configFile = relativePosix(config.root, config.configFile);

  const { cwd, config: given, timeout, progress } = options;
  const checked = await check({
    ...(cwd === undefined ? {} : { cwd }),
    ...(given === undefined ? {} : { config: given }),
    ...(timeout === undefined ? {} : { timeout }),
    ...(progress === undefined ? {} : { progress }),
  });
  if (checked.problems.length > 0 || checked.model === undefined) return fail(checked.problems);
  const model = checked.model;

  const selected: PolicyModel[] = [];
  const problems: Problem[] = [];
  for (const name of options.policies ?? []) {
    if (!model.policies.some((p) => p.name === name)) {
      problems.push({
        code: 'PM073',
        file: configFile,
        line: 1,
        column: 1,
        message: `--policy ${name}: the project has no policy named ${name}.${didYouMean(
          name,
          model.policies.map((p) => p.name),
        )} Its policies: ${model.policies.map((p) => p.name).join(', ')}.`,
      });
    }
  }
  for (const policy of model.policies) {
    if (
      options.policies === undefined ||
      options.policies.length === 0 ||
      options.policies.includes(policy.name)
    )
      selected.push(policy);
  }
  if (problems.length > 0) return fail(problems);

  // Fresh matrices first: a benchmark of a stale matrix measures the wrong thing.
  const fresh = freshModules(checked.files, selected, config);
  if (fresh.problems.length > 0) return fail(fresh.problems);
  const modules = fresh.modules;

  let trace: TracePair[] | null = null;
  let traceFile: string | null = null;
  if (options.trace !== undefined) {
    const read = readTraceFile(
      path.resolve(cwd ?? process.cwd()),
      options.trace,
      config.root,
      selected,
    );
    if (read.trace === undefined) return fail(read.problems);
    ({ trace, file: traceFile } = read);
  }

  const quick = options.quick ?? false;
  const plan: BenchPlan = { ...(quick ? QUICK_PLAN : FULL_PLAN), ...options.plan };
  let runtime: string;
  try {
    runtime = runtimeUrl(config);
  } catch (error) {
    return fail([
      {
        code: 'PM075',
        file: configFile,
        line: 1,
        column: 1,
        message: `The runtime the generated modules import cannot be found from ${relativePosix(config.root, config.outDir)}/ (${describeThrown(toThrownError(error))}); install it, or fix "runtime" in the config.`,
      },
    ]);
  }
  const environment = captureEnvironment(config.root);
  const request: BenchRequest = {
    kind: 'bench',
    // Imported by the measuring process only when it has a bench section to read.
    configFile:
      config.bench === undefined || typeof options.config === 'object' ? null : config.configFile,
    runtime,
    policies: selected.map((policy): PolicyToMeasure => ({
      name: policy.name,
      module: path.resolve(config.root, policy.module),
      exportName: policy.exportName,
      generated: modules.get(policy.name)!,
    })),
    trace,
    plan,
  };
  let response;
  try {
    response = await runChild(request, config.root, {
      timeoutMs:
        config.timeoutMs +
        selected.length * (quick ? MEASURE_BUDGET_MS.quick : MEASURE_BUDGET_MS.full),
      onProgress: (line) => {
        const match = /^(\d+)\/(\d+) (.*)$/s.exec(line);
        if (match !== null) options.onProgress?.(Number(match[1]), Number(match[2]), match[3]!);
      },
    });
  } catch (error) {
    return fail([
      {
        code: 'PM076',
        file: configFile,
        line: 1,
        column: 1,
        message: `The measuring process failed: ${describeThrown(toThrownError(error))}`,
      },
    ]);
  }
  if (response.error !== undefined)
    return fail([{ code: 'PM076', file: configFile, line: 1, column: 1, message: response.error }]);

  const notes: string[] = [];
  const policies: PolicyBench[] = [];
  for (const measured of response.policies) {
    const policy = selected.find((p) => p.name === measured.name)!;
    if (measured.error !== undefined) {
      problems.push({
        code: 'PM077',
        file: policy.location.file,
        line: policy.location.line,
        column: policy.location.column,
        policy: policy.name,
        message: `Benchmarking ${policy.name} failed: ${measured.error}`,
      });
      continue;
    }
    notes.push(...measured.notes);
    policies.push({
      name: policy.name,
      module: relativePosix(config.root, modules.get(policy.name)!),
      states: policy.states.length,
      rules: policy.rules.length,
      groups: measured.groups,
      ratios: benchRatios(measured.groups),
      ...(measured.transitionsSkipped === undefined
        ? {}
        : { transitionsSkipped: measured.transitionsSkipped }),
    });
  }
  if (problems.length > 0) return fail(problems);
  if (config.bench === undefined)
    notes.push(
      `Whole transitions were not measured: add a bench section to ${configFile}, bench: { transition(from, to, policy) { return { context, commit }; } }, to time orchestrate with your rules (matrix against dynamic filter).`,
    );
  else if (typeof options.config === 'object')
    notes.push(
      'Whole transitions were not measured: the config was given as an object; its bench section reaches the measuring process only from a config file.',
    );
  return {
    ok: true,
    problems: [],
    report: {
      version: BENCH_JSON_VERSION,
      quick,
      trace: traceFile,
      environment: finishEnvironment(environment),
      policies,
      notes,
    },
  };
}

/**
 * The runtime module the generated modules import, as a URL: `orchestrate` must come
 * from the same module instance as the user's rule classes' base classes.
 */
function runtimeUrl(config: ResolvedConfig): string {
  if (config.runtime.kind === 'file') return pathToFileURL(config.runtime.file).href;
  const require = createRequire(path.join(config.outDir, 'index.js'));
  return pathToFileURL(require.resolve(config.runtime.specifier)).href;
}
