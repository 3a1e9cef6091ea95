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
    return resolveConfig(options.config, path.join(cwd, CONFIG_FILE_NAME));
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
    return { config: undefined, problems: [{ file, line: 1, column: 1, message }] };
  }
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
          file: relativePosix(path.dirname(configFile), configFile),
          line: 1,
          column: 1,
          message: `The config ${file} has no default export; write export default defineConfig({ modules: [...] }).`,
        },
      ],
    };
  }
  return resolveConfig(exports.default, configFile);
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
