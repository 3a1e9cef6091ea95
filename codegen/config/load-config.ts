/**
 * Finding and loading the project's config: `policy-matrix.config.ts` in the working
 * folder, a file named with `--config`, or a config object passed to the API.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { relativePosix } from '../path/relative-posix.ts';
import type { Problem } from '../problem/problem.ts';
import { describeThrown, locateThrown, toThrownError } from '../problem/thrown-error.ts';
import type { PolicyMatrixConfig } from './define-config.ts';
import { isTimeout, resolveConfig, type ResolvedConfig } from './resolved-config.ts';
import { checkTsconfig } from './tsconfig-problem.ts';

/** The default config file name, looked for in the working folder. */
const CONFIG_FILE_NAME = 'policy-matrix.config.ts';

/** Where the config comes from; shared by every command of the API and the CLI. */
export interface ConfigOptions {
  /** The working folder (default `process.cwd()`). */
  cwd?: string;
  /**
   * A config file (relative to `cwd`) or a config object; default
   * `policy-matrix.config.ts` in `cwd`. An object's paths are relative to `cwd`.
   */
  config?: string | PolicyMatrixConfig;
  /** How long evaluating the policies may take, in seconds; overrides the config's `timeout`. */
  timeout?: number;
  /**
   * Config keys that override the config file's (the build plugin's options): applied to
   * the file's default export before it is checked, so they are checked like it.
   */
  overrides?: Partial<PolicyMatrixConfig>;
  /**
   * Receives progress lines meant for standard error (the CLI passes its own), such as
   * the line naming the module that is still loading after a few seconds.
   */
  progress?: (line: string) => void;
}

const CODEGEN_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export type LoadedConfig =
  { config: ResolvedConfig; problems: [] } | { config: undefined; problems: Problem[] };

/** Loads and validates the config; never throws for problems in the user's project. */
export async function loadConfig(options: ConfigOptions = {}): Promise<LoadedConfig> {
  const loaded = await loadConfigFile(options);
  if (loaded.config === undefined || options.timeout === undefined) return loaded;
  if (!isTimeout(options.timeout)) {
    return {
      config: undefined,
      problems: [
        {
          code: 'PM006',
          file: relativePosix(loaded.config.root, loaded.config.configFile),
          line: 1,
          column: 1,
          message: `The timeout option must be a positive number of seconds, got ${String(options.timeout)}.`,
        },
      ],
    };
  }
  return {
    config: { ...loaded.config, timeoutMs: Math.round(options.timeout * 1000) },
    problems: [],
  };
}

async function loadConfigFile(options: ConfigOptions): Promise<LoadedConfig> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  if (typeof options.config === 'object' && options.config !== null) {
    return resolveConfig(withOverrides(options.config, options), path.join(cwd, CONFIG_FILE_NAME));
  }
  const configFile = path.resolve(cwd, options.config ?? CONFIG_FILE_NAME);
  const file = relativePosix(cwd, configFile);
  if (!existsSync(configFile)) {
    const message =
      options.config === undefined
        ? `No ${CONFIG_FILE_NAME} in ${cwd === process.cwd() ? 'the current folder' : 'the project folder'}. Create one: ` +
          "import { defineConfig } from '@policy-matrix/codegen'; export default defineConfig({ modules: ['src/policies.ts'] });" +
          ' or name another file with --config <file>.'
        : `Config file ${file} does not exist; pass an existing file to --config.`;
    return { config: undefined, problems: [{ code: 'PM001', file, line: 1, column: 1, message }] };
  }
  // Before the config is imported: a runner that compiles it (vitest, through esbuild)
  // reads tsconfig.json too, and would report a broken one as a failed import.
  const tsconfig = path.join(path.dirname(configFile), 'tsconfig.json');
  const broken = existsSync(tsconfig)
    ? await checkTsconfig(tsconfig, path.dirname(configFile))
    : undefined;
  if (broken !== undefined) return { config: undefined, problems: [broken] };
  let exports: Record<string, unknown>;
  try {
    exports = await importTypeScript(configFile);
  } catch (caught) {
    const error = toThrownError(caught);
    const where = locateThrown(error, path.dirname(configFile), CODEGEN_DIR) ?? {
      file: relativePosix(path.dirname(configFile), configFile),
      line: 1,
      column: 1,
    };
    return {
      config: undefined,
      problems: [
        {
          code: 'PM002',
          ...where,
          message: `Loading the config ${file} failed: ${describeThrown(error)}. Fix the config so that it can be imported.`,
        },
      ],
    };
  }
  if (!('default' in exports)) {
    return {
      config: undefined,
      problems: [
        {
          code: 'PM003',
          file: relativePosix(path.dirname(configFile), configFile),
          line: 1,
          column: 1,
          message: `The config ${file} has no default export; write export default defineConfig({ modules: [...] }).`,
        },
      ],
    };
  }
  return resolveConfig(withOverrides(exports.default, options), configFile);
}

/** The config with `options.overrides` applied (when both are objects; anything else is reported as it is). */
function withOverrides(raw: unknown, options: ConfigOptions): unknown {
  const overrides = options.overrides;
  if (overrides === undefined || typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return raw;
  const defined = Object.entries(overrides).filter(([, value]) => value !== undefined);
  return { ...raw, ...Object.fromEntries(defined) };
}

/**
 * Imports a TypeScript module: natively when the running process understands
 * TypeScript (tsx, vitest), otherwise through tsx's loader API.
 */
async function importTypeScript(file: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file).href;
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    const { tsImport } = await import('tsx/esm/api');
    return (await tsImport(url, import.meta.url)) as Record<string, unknown>;
  }
}
