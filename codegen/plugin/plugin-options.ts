/**
 * The build plugin's options, and how its mode is chosen.
 */
import type { PolicyMatrixConfig } from '../config/define-config.ts';

/**
 * What the plugin does at build start: `generate` writes fresh matrices (only files
 * whose content changed) before any module is resolved; `check` writes nothing and
 * fails the build when the committed output is stale, naming the cells that differ.
 */
export type PluginMode = 'generate' | 'check';

/**
 * Options of `policyMatrix()` (every bundler's entry point takes the same). Besides
 * these, any key of `policy-matrix.config.ts` (`outDir`, `report`, `policies`, ...)
 * may be given: it overrides the config file's.
 */
export interface PolicyMatrixPluginOptions extends Partial<PolicyMatrixConfig> {
  /**
   * The config file, relative to `cwd`; default `policy-matrix.config.ts` in `cwd`, as
   * the CLI finds it.
   */
  config?: string;
  /** The folder the config is looked up from (default `process.cwd()`). */
  cwd?: string;
  /** Default `generate`, and `check` when the `CI` environment variable is set. */
  mode?: PluginMode;
  /**
   * In dev servers and watch builds: quiet time after the last change to a policy's
   * files before regenerating, in ms (default 30).
   */
  debounceMs?: number;
}

/** The option keys that are the plugin's own (every other key overrides the config file). */
const OWN_KEYS = ['config', 'cwd', 'mode', 'debounceMs'] as const;

/** The mode: the option, else `check` when `CI` is set (and not `0` or `false`), else `generate`. */
export function pluginMode(
  options: PolicyMatrixPluginOptions,
  env: NodeJS.ProcessEnv = process.env,
): PluginMode {
  if (options.mode !== undefined) return options.mode;
  const ci = env['CI'];
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false'
    ? 'check'
    : 'generate';
}

/** The config keys among the options: they override the config file's. */
export function configOverrides(options: PolicyMatrixPluginOptions): Partial<PolicyMatrixConfig> {
  const overrides: Record<string, unknown> = { ...options };
  for (const key of OWN_KEYS) delete overrides[key];
  return overrides;
}
