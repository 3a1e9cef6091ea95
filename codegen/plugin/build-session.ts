/**
 * What the build plugin does, whatever the bundler: one session per plugin instance,
 * holding the project's config and the warm compiler. A run either generates (writes
 * what changed, like `generate`) or checks (writes nothing; stale output is a failure
 * that names the cells). Runs are serialised. A run never throws: its outcome says what
 * failed, located, for the bundler to show as a build error; the next run tries again
 * (a config that failed to load is loaded again, so fixing it recovers).
 */
import path from 'node:path';
import { check } from '../check/check.ts';
import { formatCheckReport } from '../cli/check-command.ts';
import { formatLintOutput } from '../cli/lint-output.ts';
import { loadConfig, type ConfigOptions } from '../config/load-config.ts';
import { isInside, type ResolvedConfig } from '../config/resolved-config.ts';
import { formatProblems, sortProblems, type Problem } from '../problem/problem.ts';
import { WarmCompiler } from '../warm/warm-compiler.ts';
import {
  configOverrides,
  pluginMode,
  type PluginMode,
  type PolicyMatrixPluginOptions,
} from './plugin-options.ts';

/** The outcome of one run. */
export interface BuildOutcome {
  ok: boolean;
  /**
   * When not ok: what failed, for the build's error message: the located problems
   * (`path:line:col: message`, paths relative to the project root) or, in check mode,
   * each stale file with the cells that differ.
   */
  message: string;
  /** Where the first failure is (absolute file, 1-based line and column), when known. */
  location: { file: string; line: number; column: number } | undefined;
  /** Located problems (absolute `file`s), sorted; empty for a stale check. */
  problems: Problem[];
  /** Files whose change can change the output (absolute): watch them in dev and watch builds. */
  watchFiles: string[];
  /** Generated files this run created, changed or removed (absolute). */
  changedFiles: string[];
}

export class BuildSession {
  readonly mode: PluginMode;
  readonly #options: PolicyMatrixPluginOptions;
  #config: ResolvedConfig | undefined;
  #compiler: WarmCompiler | undefined;
  #first: Promise<BuildOutcome> | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #watchFiles = new Set<string>();
  /** Start the next evaluation child after each run (dev servers and watch builds). */
  watching = false;
  /** The last outcome. */
  last: BuildOutcome | undefined;
  /** Set by `close`: a dev server or watch build has stopped (a new build may still run). */
  closed = false;

  constructor(options: PolicyMatrixPluginOptions = {}) {
    this.#options = options;
    this.mode = pluginMode(options);
  }

  /** The project's config, once loaded. */
  get config(): ResolvedConfig | undefined {
    return this.#config;
  }

  /** The first run, shared by every hook that needs it (a dev server's start and its first build). */
  first(): Promise<BuildOutcome> {
    this.#first ??= this.run();
    return this.#first;
  }

  /** One run, after any run in progress. */
  run(): Promise<BuildOutcome> {
    const next = this.#queue.then(() => this.#runOnce());
    this.#queue = next.catch(() => undefined);
    this.#first ??= next;
    return next.then((outcome) => (this.last = outcome));
  }

  /** Loads the config (once it loads, it is kept; until then every call tries again). */
  async loadConfig(): Promise<{ config: ResolvedConfig | undefined; problems: Problem[] }> {
    if (this.#config !== undefined) return { config: this.#config, problems: [] };
    const options = this.#options;
    if (options.mode !== undefined && options.mode !== 'generate' && options.mode !== 'check') {
      return {
        config: undefined,
        problems: [
          {
            code: 'PM080',
            file: 'policyMatrix(options)',
            line: 1,
            column: 1,
            message: `mode must be 'generate' or 'check', got ${JSON.stringify(options.mode)}.`,
          },
        ],
      };
    }
    const loaded = await loadConfig(this.#configOptions());
    this.#config = loaded.config;
    return loaded;
  }

  /** Whether `file` (absolute) is a module of the output folder. */
  isGenerated(file: string): boolean {
    const config = this.#config;
    return config !== undefined && file.endsWith('.ts') && isInside(file, config.outDir);
  }

  /** Whether a change to `file` (absolute) calls for a new run: a tracked source, or the config file. */
  tracks(file: string): boolean {
    return this.#watchFiles.has(file) || file === this.#config?.configFile;
  }

  /** The config file changed: the next run loads it again, with a new compiler. */
  configChanged(): void {
    this.#compiler?.close();
    this.#compiler = undefined;
    this.#config = undefined;
  }

  /** Stops the evaluation child started ahead of time. */
  close(): void {
    this.closed = true;
    this.#compiler?.close();
  }

  async #runOnce(): Promise<BuildOutcome> {
    const loaded = await this.loadConfig();
    const config = loaded.config;
    if (config === undefined) return this.#failed(undefined, loaded.problems);
    this.#watchFiles = new Set([...this.#watchFiles, config.configFile]);
    if (this.mode === 'check') return this.#check(config);
    this.#compiler ??= new WarmCompiler(config, { prestart: this.watching });
    const run = await this.#compiler.generate();
    this.#watchFiles = new Set([...run.watchFiles, config.configFile]);
    if (!run.ok) return this.#failed(config, run.problems);
    return {
      ok: true,
      message: '',
      location: undefined,
      problems: [],
      watchFiles: [...this.#watchFiles],
      changedFiles: run.files
        .filter((file) => file.status !== 'unchanged')
        .map((file) => path.resolve(config.root, file.path)),
    };
  }

  async #check(config: ResolvedConfig): Promise<BuildOutcome> {
    const result = await check(this.#configOptions());
    if (result.problems.length > 0) return this.#failed(config, result.problems);
    if (result.ok) {
      return {
        ok: true,
        message: '',
        location: undefined,
        problems: [],
        watchFiles: [...this.#watchFiles],
        changedFiles: [],
      };
    }
    const lines = [...formatCheckReport(result), ...formatLintOutput(result.lint, result.strict)];
    const first = result.files.find((file) => file.status !== 'fresh');
    return {
      ok: false,
      message: `policy-matrix check: the generated matrices are out of date.\n${lines.join('\n')}`,
      location:
        first === undefined
          ? undefined
          : { file: path.resolve(config.root, first.path), line: 1, column: 1 },
      problems: [],
      watchFiles: [...this.#watchFiles],
      changedFiles: [],
    };
  }

  #failed(config: ResolvedConfig | undefined, problems: Problem[]): BuildOutcome {
    const root = config?.root ?? path.resolve(this.#options.cwd ?? process.cwd());
    const sorted = sortProblems(problems);
    const first = sorted[0];
    return {
      ok: false,
      message: `policy-matrix: ${formatProblems(sorted)}`,
      location:
        first === undefined
          ? undefined
          : { file: path.resolve(root, first.file), line: first.line, column: first.column },
      problems: sorted.map((problem) => ({ ...problem, file: path.resolve(root, problem.file) })),
      watchFiles: [...this.#watchFiles],
      changedFiles: [],
    };
  }

  #configOptions(): ConfigOptions {
    const options = this.#options;
    return {
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      ...(options.config === undefined ? {} : { config: options.config }),
      overrides: configOverrides(options),
    };
  }
}
