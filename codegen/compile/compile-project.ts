/**
 * The whole pipeline in memory: config → read → model → emit (the modules, and the
 * report when the config asks for it). Used by every command; only `generate` and
 * `watch` go on to write. Never throws for problems in the project: they come back,
 * located, in `problems`.
 */
import { loadConfig, type ConfigOptions } from '../config/load-config.ts';
import type { ResolvedConfig } from '../config/resolved-config.ts';
import type { EmittedFile } from '../emit/emitted-file.ts';
import { buildProjectModel } from '../model/build-project-model.ts';
import type { ProjectModel } from '../model/policy-model.ts';
import type { Problem } from '../problem/problem.ts';
import type { ReadOptions } from '../read/read-project.ts';
import type { ReadResult } from '../read/read-result.ts';
import { findOwnCodeInOutDir } from '../write/own-code-in-out-dir.ts';

// The read step (ts-morph, a whole TypeScript compiler) and the emit step (prettier)
// are the heaviest modules to load. They are imported on first use, and that first
// use starts loading them before the config is loaded: the config's TypeScript is
// compiled by tsx off the main thread, which then has time to compile them.
let readStep: Promise<typeof import('../read/read-project.ts')> | undefined;
let emitStep: Promise<typeof import('../emit/emit-output.ts')> | undefined;
const loadReadStep = (): Promise<typeof import('../read/read-project.ts')> =>
  (readStep ??= import('../read/read-project.ts'));
const loadEmitStep = (): Promise<typeof import('../emit/emit-output.ts')> =>
  (emitStep ??= import('../emit/emit-output.ts'));

export interface CompiledProject {
  /** Undefined when the config itself has problems. */
  config: ResolvedConfig | undefined;
  read: ReadResult | undefined;
  model: ProjectModel | undefined;
  /** The emitted files; empty when there are problems. */
  files: EmittedFile[];
  problems: Problem[];
}

/** Loads the config, then compiles. */
export async function compileProject(
  options: ConfigOptions & ReadOptions = {},
): Promise<CompiledProject> {
  // Loaded now, used below; a failure to load surfaces where they are awaited.
  void loadReadStep().catch(() => undefined);
  void loadEmitStep().catch(() => undefined);
  const loaded = await loadConfig(options);
  if (loaded.config === undefined) {
    return {
      config: undefined,
      read: undefined,
      model: undefined,
      files: [],
      problems: loaded.problems,
    };
  }
  return compileWithConfig(loaded.config, options);
}

/** Compiles with an already resolved config. */
export async function compileWithConfig(
  config: ResolvedConfig,
  options: ReadOptions & { emitCache?: Map<string, string>; emit?: boolean } = {},
): Promise<CompiledProject> {
  const { readProject } = await loadReadStep();
  void loadEmitStep().catch(() => undefined);
  const read = await readProject(config, options);
  const problems = [...read.problems, ...findOwnCodeInOutDir(config, read.watchFiles)];
  if (problems.length > 0) return { config, read, model: undefined, files: [], problems };
  const model = buildProjectModel(read);
  if (options.emit === false) return { config, read, model, files: [], problems: [] };
  const { emitOutput } = await loadEmitStep();
  const emitted = await emitOutput(model, config, options.emitCache);
  return { config, read, model, files: emitted.files, problems: emitted.problems };
}
