/**
 * `watch`: generates once, then watches every project file the policies depend on
 * (chokidar): the config modules' static import graph and every file the evaluation
 * actually loaded (side-effect and dynamic imports included). After each burst of
 * changes (debounced) it re-evaluates every policy and writes what changed (the report
 * folder too, when the config asks for it), so its output always equals a fresh
 * `generate`; like `generate`, it says which cells of each rewritten module changed.
 * Survives errors: problems are reported and watching goes on. The compiler stays warm
 * between runs (see warm-compiler.ts).
 *
 * The config is read once; after changing it, restart watch.
 */
import path from 'node:path';
import { watch as chokidarWatch, type FSWatcher } from 'chokidar';
import { loadConfig, type ConfigOptions } from '../config/load-config.ts';
import type { ResolvedConfig } from '../config/resolved-config.ts';
import type { GeneratedPolicy } from '../generate/generate.ts';
import { relativePosix } from '../path/relative-posix.ts';
import { compareCodeUnits, type Problem } from '../problem/problem.ts';
import { ProblemError } from '../problem/problem-error.ts';
import { WarmCompiler } from '../warm/warm-compiler.ts';
import type { WrittenFile } from '../write/write-output.ts';

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
  readonly #compiler: WarmCompiler;
  readonly #emit: (event: WatchEvent) => void;
  readonly #debounceMs: number;
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
    this.#compiler = new WarmCompiler(
      config,
      options.progress === undefined ? {} : { progress: options.progress },
    );
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
    this.#compiler.close();
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

  /**
   * One run of the warm compiler: re-reads every policy and writes what changed;
   * returns the files to watch (the static import graph of the config modules and every
   * project file the evaluation loaded).
   *
   * Every policy is re-evaluated on every change. The evaluation child loads all config
   * modules into one program, so any loaded module can change any policy's matrix
   * (a registry filled by side-effect imports, a dynamic import, a shared global): no
   * policy can be proved unaffected. The warm compiler keeps the cost of that to the
   * evaluation itself: only modules whose text changes are formatted and written.
   */
  async #run(changedFiles: string[]): Promise<string[]> {
    const config = this.#compiler.config;
    const changed = changedFiles
      .map((file) => relativePosix(config.root, file))
      .sort(compareCodeUnits);
    const run = await this.#compiler.generate();
    if (!run.ok || run.model === undefined) {
      this.#emit({ type: 'problems', changed, problems: run.problems });
      return run.watchFiles;
    }
    this.#emit({
      type: 'generated',
      changed,
      evaluated: run.model.policies.map((p) => p.name),
      policies: run.policies,
      files: run.files,
    });
    return run.watchFiles;
  }
}
