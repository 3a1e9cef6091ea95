/**
 * The shape of `policy-matrix.config.ts` and `defineConfig`, its typed identity helper.
 * Kept free of heavy imports: a config file loads this module before anything else.
 */
import type { BenchConfig } from '../bench/bench-config.ts';

/** How generated code spells relative imports: the extension it puts on module paths. */
export type ImportExtension = '.ts' | '.js' | '';

export interface PolicyMatrixConfig {
  /**
   * The modules that export the policies and every rule and transform they list,
   * relative to the config file. Generated code imports rule classes from these
   * modules, by their export names.
   */
  modules: string[];
  /** The output folder, relative to the config file. Default `generated`. */
  outDir?: string;
  /**
   * How generated code imports the runtime: a package name (default `policy-matrix`) or
   * a path relative to the config file starting with `./` or `../` (this repository:
   * `./src/index.ts`).
   */
  runtime?: string;
  /**
   * The extension of relative imports in generated code: `.js` (default; TypeScript's
   * NodeNext style), `.ts` (with `allowImportingTsExtensions`) or `''` (bundler style).
   */
  importExtension?: ImportExtension;
  /** The command the banner of each generated file tells readers to run. */
  regenerateCommand?: string;
  /**
   * Also write a report into `<outDir>/report/` (default `false`): a `README.md` index,
   * and per policy a markdown page and an SVG heatmap of its matrix, named like its
   * module (`core-task-policy.md`, `core-task-policy.svg`). `generate` keeps it up to
   * date and `check` verifies it, like the modules. When `false`, `generate` and `check`
   * leave that folder alone (`policy-matrix report` writes it on demand).
   */
  report?: boolean;
  /**
   * How long evaluating the policies may take, in seconds (default 20). Loading the
   * modules and evaluating every policy takes a few seconds at most; a module that
   * loops or waits forever while loading is reported, at that module, after this long.
   * `--timeout <seconds>` overrides it for one command.
   */
  timeout?: number;
  /**
   * Generate only these policies (class names), of all the policies the modules export;
   * default every one. Lets a module re-export a package's rules (and so its policies)
   * while generating only your own.
   */
  policies?: string[];
  /** Do not generate these policies (class names), even when the modules export them. */
  exclude?: string[];
  /**
   * Also write `<outDir>/.gitattributes` pinning LF line endings for the generated files
   * (default `false`), so checkouts that convert line endings never make them stale.
   */
  gitattributes?: boolean;
  /**
   * How `policy-matrix bench` builds a whole transition, to time `orchestrate` with your
   * own rules fed by the matrix and by the dynamic filter: `transition(from, to, policy)`
   * returns `{ context, commit }` (a fresh context per call) or `undefined` for a pair
   * your system never orchestrates. Without it, bench measures lookups only.
   */
  bench?: BenchConfig;
}

/** Returns `config` unchanged; exists so that config files are type-checked. */
export function defineConfig(config: PolicyMatrixConfig): PolicyMatrixConfig {
  return config;
}
