/**
 * The warm compiler: the compiler kept loaded between edits, for `watch` and the build
 * plugin. One `generate` run re-reads and re-evaluates every policy and writes what
 * changed, like a fresh `generate`, without paying the start-up again:
 *
 * - the ts-morph project is kept (`DiscoveryCache`): an edit re-parses only the files
 *   whose text changed;
 * - the emit cache keeps every module's formatted text, so prettier formats only
 *   modules whose source changed (and stays loaded);
 * - after each run the next evaluation child is started ahead of time, with the runtime
 *   and the project modules that are not being edited already imported: every module
 *   the evaluation loaded except the config modules, the files that changed between
 *   runs during this session, and any module whose static imports reach one of those.
 *   It still evaluates the config modules fresh (a new process every run), and it is
 *   not used when a file it loaded ahead of time changed since it started (see
 *   `prestartChild`; a new child then answers), so the evaluation never sees old code.
 *
 * The config is resolved once, by the caller; a changed config needs a new compiler.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { prestartChild, prestartedChildReady, stopPrestartedChild } from '../child/run-child.ts';
import { isInside, type ResolvedConfig } from '../config/resolved-config.ts';
import { emitOutput } from '../emit/emit-output.ts';
import type { EmittedFile } from '../emit/emitted-file.ts';
import { summarize, type GeneratedPolicy } from '../generate/generate.ts';
import {
  diffGeneratedModules,
  diffModuleCells,
  type ModuleDiff,
} from '../inspect/diff-generated-modules.ts';
import { buildProjectModel } from '../model/build-project-model.ts';
import type { PolicyModel, ProjectModel } from '../model/policy-model.ts';
import { relativePosix } from '../path/relative-posix.ts';
import type { Problem } from '../problem/problem.ts';
import { describeThrown, toThrownError } from '../problem/thrown-error.ts';
import { createDiscoveryCache, type DiscoveryCache } from '../read/discover-project.ts';
import { readProject } from '../read/read-project.ts';
import { readIfExists, readOutputFiles } from '../write/output-folder.ts';
import { findOwnCodeInOutDir } from '../write/own-code-in-out-dir.ts';
import { writeOutput, type WrittenFile } from '../write/write-output.ts';

export interface WarmCompilerOptions {
  /** Receives progress lines (the module still loading when evaluation is slow). */
  progress?: (line: string) => void;
  /** Start the next evaluation child after each run (default true); false for a single run. */
  prestart?: boolean;
}

/** What one run did. */
export interface WarmRun {
  /** True when the project compiled and the output folder now holds its output. */
  ok: boolean;
  /** Located problems; when there are any, nothing was written. */
  problems: Problem[];
  /** Every file written, left unchanged or removed (empty when not ok). */
  files: WrittenFile[];
  /** The summary line data of each policy (empty when not ok). */
  policies: GeneratedPolicy[];
  model: ProjectModel | undefined;
  /**
   * The files whose change can change the output (absolute, sorted): the static import
   * graph of the config modules and every project file the evaluation loaded, outside
   * the output folder. After a failed run, what could be learnt (at least the modules).
   */
  watchFiles: string[];
}

export class WarmCompiler {
  readonly config: ResolvedConfig;
  readonly #progress: ((line: string) => void) | undefined;
  readonly #prestart: boolean;
  readonly #discovery: DiscoveryCache = createDiscoveryCache();
  readonly #emitCache = new Map<string, string>();
  /** Each policy module the last run wrote or found fresh (absolute path): its text and model. */
  readonly #modules = new Map<string, { content: string; model: PolicyModel }>();
  readonly #runtime: string[];
  #preload: string[];
  #watchFiles: string[];
  /** The modification time of each watched file at the last run. */
  #mtimes = new Map<string, number>();
  /** Files that changed between runs: the ones being edited. */
  readonly #edited = new Set<string>();
  #closed = false;

  constructor(config: ResolvedConfig, options: WarmCompilerOptions = {}) {
    this.config = config;
    this.#progress = options.progress;
    this.#prestart = options.prestart ?? true;
    this.#runtime = runtimeEntry(config);
    this.#preload = this.#runtime;
    this.#watchFiles = [...config.modules].sort();
  }

  /**
   * Compiles and writes what changed (atomically, only files whose content changed,
   * never a file without the generated mark). Never throws: a failure comes back as
   * problems, and the output folder is left as it was.
   */
  async generate(): Promise<WarmRun> {
    const config = this.config;
    for (const [file, mtime] of this.#mtimes) {
      const now = mtimeOf(file);
      if (now !== mtime) this.#edited.add(file);
      this.#mtimes.set(file, now);
    }
    try {
      const read = await readProject(config, {
        discoveryCache: this.#discovery,
        independentOf: this.#edited,
        ...(this.#progress === undefined ? {} : { progress: this.#progress }),
      });
      this.#watchFiles = read.watchFiles.filter((file) => !isInside(file, config.outDir));
      for (const file of this.#watchFiles)
        if (!this.#mtimes.has(file)) this.#mtimes.set(file, mtimeOf(file));
      if (read.independent !== undefined) {
        this.#preload = [
          ...new Set([
            ...this.#runtime,
            ...read.independent.map((file) => pathToFileURL(file).href),
          ]),
        ];
      }
      const problems = [...read.problems, ...findOwnCodeInOutDir(config, read.watchFiles)];
      if (problems.length > 0) return this.#failed(problems);
      const model = buildProjectModel(read);
      const emitted = await emitOutput(model, config, this.#emitCache);
      if (emitted.problems.length > 0) return this.#failed(emitted.problems, model);
      const existing = readOutputFiles(config);
      const previous = await this.#previousCells(emitted.files, model);
      const written = writeOutput(config.root, config.outDir, emitted.files, existing);
      if (written.problems.length > 0) return this.#failed(written.problems, model);
      this.#remember(emitted.files, model);
      return {
        ok: true,
        problems: [],
        files: written.files,
        policies: summarize(model, written.files, previous),
        model,
        watchFiles: this.#watchFiles,
      };
    } catch (error) {
      return this.#failed([
        {
          code: 'PM099',
          file: relativePosix(config.root, config.configFile),
          line: 1,
          column: 1,
          message: `Regenerating failed unexpectedly: ${describeThrown(toThrownError(error))}`,
        },
      ]);
    } finally {
      if (this.#prestart && !this.#closed) prestartChild(config.root, this.#preload);
    }
  }

  /**
   * Resolves once the next run's evaluation child is ready (an edit that comes later
   * pays neither Node's nor the runtime's start-up).
   */
  ready(): Promise<void> {
    return prestartedChildReady();
  }

  /** Stops the evaluation child started ahead of time. */
  close(): void {
    this.#closed = true;
    stopPrestartedChild();
  }

  /**
   * For each policy module about to be rewritten, its cells on disk compared with the
   * model, by policy name, as `generate` reports them. A module still holding what the
   * last run wrote is compared with the model it was written from, in memory; any other
   * (the first run, or a module changed behind the compiler's back) is read back from
   * disk in a child process, as `generate` does.
   */
  async #previousCells(
    files: readonly EmittedFile[],
    model: ProjectModel,
  ): Promise<Map<string, ModuleDiff>> {
    const previous = new Map<string, ModuleDiff>();
    const unknown: { module: string; policy: PolicyModel }[] = [];
    for (const file of files) {
      const policy = model.policies.find((p) => p.name === file.policy);
      if (policy === undefined) continue;
      const module = path.resolve(this.config.root, file.path);
      const current = readIfExists(module);
      if (current === undefined || current === file.content) continue;
      const known = this.#modules.get(module);
      if (known?.content === current)
        previous.set(policy.name, diffModuleCells(known.model, policy));
      else unknown.push({ module, policy });
    }
    const diffs = await diffGeneratedModules(unknown, this.config.root);
    unknown.forEach(({ policy }, index) => previous.set(policy.name, diffs[index] ?? {}));
    return previous;
  }

  /** Records what the policy modules now hold, for the next run's cell diffs. */
  #remember(files: readonly EmittedFile[], model: ProjectModel): void {
    this.#modules.clear();
    for (const file of files) {
      const policy = model.policies.find((p) => p.name === file.policy);
      if (policy !== undefined)
        this.#modules.set(path.resolve(this.config.root, file.path), {
          content: file.content,
          model: policy,
        });
    }
  }

  #failed(problems: Problem[], model?: ProjectModel): WarmRun {
    return { ok: false, problems, files: [], policies: [], model, watchFiles: this.#watchFiles };
  }
}

/** A file's modification time in ms, or -1 when it cannot be read (removed). */
function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/**
 * The runtime's entry module as a file URL, for the next child to import ahead of time:
 * the package resolved from the project root, or the configured file. Empty when it
 * cannot be resolved (the evaluation then reports what is wrong).
 */
function runtimeEntry(config: ResolvedConfig): string[] {
  if (config.runtime.kind === 'file') return [pathToFileURL(config.runtime.file).href];
  try {
    const require = createRequire(path.join(config.root, 'package.json'));
    return [pathToFileURL(require.resolve(config.runtime.specifier)).href];
  } catch {
    return [];
  }
}
