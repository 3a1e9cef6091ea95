/**
 * `watch`: generates once, then watches every project file the policies depend on
 * (chokidar): the config modules' static import graph and every file the evaluation
 * actually loaded (side-effect and dynamic imports included). After each burst of
 * changes (debounced) it re-evaluates every policy and writes what changed (the report
 * folder too, when the config asks for it), so its output always equals a fresh
 * `generate`; like `generate`, it says which cells of each rewritten module changed.
 * Survives errors: problems are reported and watching goes on.
 *
 * The config is read once; after changing it, restart watch.
 */
import path from 'node:path';
import { watch as chokidarWatch, type FSWatcher } from 'chokidar';
import { loadConfig, type ConfigOptions } from '../config/load-config.ts';
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
import { prestartChild, stopPrestartedChild } from '../child/run-child.ts';
import { compareCodeUnits, type Problem } from '../problem/problem.ts';
import { ProblemError } from '../problem/problem-error.ts';
import { describeThrown, toThrownError } from '../problem/thrown-error.ts';
import { readProject } from '../read/read-project.ts';
import { readIfExists, readOutputFiles } from '../write/output-folder.ts';
import { findOwnCodeInOutDir } from '../write/own-code-in-out-dir.ts';
import { writeOutput, type WrittenFile } from '../write/write-output.ts';

export interface WatchOptions extends ConfigOptions {
  /** Receives every event; default: none (use the CLI for printed output). */
  onEvent?: (event: WatchEvent) => void;
  /** Quiet time after the last change before regenerating, in ms (default 100). */
  debounceMs?: number;
}

export type WatchEvent =
  /** A run finished and wrote what changed. `evaluated`: the policies re-read this run (all of them). */
  | {
      type: 'generated';
      changed: string[];
      evaluated: string[];
      policies: GeneratedPolicy[];
      files: WrittenFile[];
    }
  /** A run found problems; nothing was written, watching goes on. */
  | { type: 'problems'; changed: string[]; problems: Problem[] }
  /** The config changed: watch keeps the config it started with. */
  | { type: 'config-changed'; file: string };

export interface WatchHandle {
  /** Resolves when the first run is done and the watcher is ready. */
  ready: Promise<void>;
  /** Stops watching. */
  close(): Promise<void>;
}

/**
 * Starts watching. Resolves to a handle once the config is loaded; rejects with a
 * `ProblemError` (the problems, coded, and their printed lines as its message) when
 * the config itself cannot be loaded.
 */
export async function watch(options: WatchOptions = {}): Promise<WatchHandle> {
  const loaded = await loadConfig(options);
  if (loaded.config === undefined) {
    throw new ProblemError(loaded.problems);
  }
  const session = new WatchSession(loaded.config, options);
  return { ready: session.start(), close: () => session.close() };
}

class WatchSession {
  readonly #config: ResolvedConfig;
  readonly #emit: (event: WatchEvent) => void;
  readonly #debounceMs: number;
  readonly #progress: ((line: string) => void) | undefined;
  readonly #emitCache = new Map<string, string>();
  /** Each policy module this session wrote or found fresh (absolute path): its text and model. */
  readonly #modules = new Map<string, { content: string; model: PolicyModel }>();
  #watcher: FSWatcher | undefined;
  #watched = new Set<string>();
  #pending = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(config: ResolvedConfig, options: WatchOptions) {
    this.#config = config;
    this.#emit = options.onEvent ?? (() => undefined);
    this.#debounceMs = options.debounceMs ?? 100;
    this.#progress = options.progress;
  }

  async start(): Promise<void> {
    const watchFiles = await this.#run([]);
    const watcher = chokidarWatch([this.#config.configFile, ...watchFiles], {
      ignoreInitial: true,
    });
    this.#watcher = watcher;
    for (const file of watchFiles) this.#watched.add(file);
    watcher.on('all', (_event, file) => this.#changed(path.resolve(file)));
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    await this.#watcher?.close();
    await this.#running;
    stopPrestartedChild();
  }

  #changed(file: string): void {
    if (this.#closed) return;
    if (file === this.#config.configFile) {
      this.#emit({ type: 'config-changed', file: relativePosix(this.#config.root, file) });
      return;
    }
    this.#pending.add(file);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const changed = [...this.#pending];
      this.#pending.clear();
      this.#running = this.#running.then(async () => {
        if (this.#closed) return;
        const watchFiles = await this.#run(changed);
        const added = watchFiles.filter((f) => !this.#watched.has(f));
        for (const f of added) this.#watched.add(f);
        if (added.length > 0) this.#watcher?.add(added);
      });
    }, this.#debounceMs);
  }

  /** One run, then the next run's child is started, ready for the next change. */
  async #run(changedFiles: string[]): Promise<string[]> {
    try {
      return await this.#regenerate(changedFiles);
    } finally {
      if (!this.#closed) prestartChild(this.#config.root);
    }
  }

  /**
   * Re-reads every policy, writes what changed; returns the files to watch: the static
   * import graph of the config modules and every project file the evaluation loaded.
   *
   * Every policy is re-evaluated on every change. The evaluation child loads all config
   * modules into one program, so any loaded module can change any policy's matrix
   * (a registry filled by side-effect imports, a dynamic import, a shared global): no
   * policy can be proved unaffected. The emit cache and the writer keep the cost of
   * that to the evaluation itself: only modules whose text changes are formatted and
   * written.
   */
  async #regenerate(changedFiles: string[]): Promise<string[]> {
    const config = this.#config;
    const changed = changedFiles
      .map((file) => relativePosix(config.root, file))
      .sort(compareCodeUnits);
    try {
      const read = await readProject(config, {
        ...(this.#progress === undefined ? {} : { progress: this.#progress }),
      });
      const watchFiles = read.watchFiles.filter((file) => !isInside(file, config.outDir));
      const problems = [...read.problems, ...findOwnCodeInOutDir(config, read.watchFiles)];
      if (problems.length > 0) return this.#fail(changed, problems, watchFiles);

      const model = buildProjectModel(read);
      const emitted = await emitOutput(model, config, this.#emitCache);
      if (emitted.problems.length > 0) return this.#fail(changed, emitted.problems, watchFiles);
      const existing = readOutputFiles(config);
      const previous = await this.#previousCells(emitted.files, model);
      const written = writeOutput(config.root, config.outDir, emitted.files, existing);
      if (written.problems.length > 0) return this.#fail(changed, written.problems, watchFiles);
      this.#remember(emitted.files, model);

      this.#emit({
        type: 'generated',
        changed,
        evaluated: read.policies.map((p) => p.name),
        policies: summarize(model, written.files, previous),
        files: written.files,
      });
      return watchFiles;
    } catch (error) {
      const problem: Problem = {
        code: 'PM099',
        file: relativePosix(config.root, config.configFile),
        line: 1,
        column: 1,
        message: `Regenerating failed unexpectedly: ${describeThrown(toThrownError(error))}`,
      };
      return this.#fail(changed, [problem], [...this.#watched]);
    }
  }

  /**
   * For each policy module about to be rewritten, its cells on disk compared with the
   * model, by policy name, as `generate` reports them. A module still holding what this
   * session last wrote is compared with the model it was written from, in memory; any
   * other (the first run, or a module changed behind watch's back) is read back from
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
      const module = path.resolve(this.#config.root, file.path);
      const current = readIfExists(module);
      if (current === undefined || current === file.content) continue;
      const known = this.#modules.get(module);
      if (known?.content === current)
        previous.set(policy.name, diffModuleCells(known.model, policy));
      else unknown.push({ module, policy });
    }
    const diffs = await diffGeneratedModules(unknown, this.#config.root);
    unknown.forEach(({ policy }, index) => previous.set(policy.name, diffs[index] ?? {}));
    return previous;
  }

  /** Records what the policy modules now hold, for the next run's cell diffs. */
  #remember(files: readonly EmittedFile[], model: ProjectModel): void {
    this.#modules.clear();
    for (const file of files) {
      const policy = model.policies.find((p) => p.name === file.policy);
      if (policy !== undefined)
        this.#modules.set(path.resolve(this.#config.root, file.path), {
          content: file.content,
          model: policy,
        });
    }
  }

  #fail(changed: string[], problems: Problem[], watchFiles: string[]): string[] {
    this.#emit({ type: 'problems', changed, problems });
    return watchFiles;
  }
}
