/**
 * policy-matrix compiler: the public, programmatic API of the CLI's commands, the config
 * helper and the plain-data model. Everything public is listed here by name.
 *
 * Every command takes `{ cwd?, config? }` (the config file, default
 * `policy-matrix.config.ts` in `cwd`, or a config object) and resolves to a structured
 * result with `ok` and located `problems`; none throws for problems in the project.
 */
export {
  defineConfig,
  type ImportExtension,
  type PolicyMatrixConfig,
} from './config/define-config.ts';
export {
  CONFIG_FILE_NAME,
  loadConfig,
  type ConfigOptions,
  type LoadedConfig,
} from './config/load-config.ts';
export type { ResolvedConfig, RuntimeImport } from './config/resolved-config.ts';
export {
  generate,
  type GeneratedPolicy,
  type GenerateOptions,
  type GenerateResult,
} from './generate/generate.ts';
export { check, type CheckedFile, type CheckResult, type CheckStatus } from './check/check.ts';
export { formatCellDifference, type CellDifference } from './check/cell-difference.ts';
export {
  explain,
  type ExplainedRule,
  type ExplainOptions,
  type ExplainResult,
} from './explain/explain.ts';
export { dump, type DumpOptions, type DumpResult } from './dump/dump.ts';
export type { DumpCell, DumpContract, DumpPolicy } from './dump/dump-contract.ts';
export { watch, type WatchEvent, type WatchHandle, type WatchOptions } from './watch/watch.ts';
export { compileProject, type CompiledProject } from './compile/compile-project.ts';
export type { PolicyModel, ProjectModel, RuleModel, SourceLocation } from './model/policy-model.ts';
export { formatProblem, formatProblems, type Problem } from './problem/problem.ts';
export type { FileStatus, WrittenFile } from './write/write-output.ts';
