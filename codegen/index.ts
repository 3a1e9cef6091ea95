/**
 * policy-matrix compiler: the public, programmatic API of the CLI's commands, the config
 * helper, the results and the plain-data model. Everything public is listed here by name,
 * and `api/policy-matrix-codegen.api.md` records it (`npm run api:report` regenerates it):
 * the compiler's helpers stay internal, and its tests import them by relative path.
 *
 * Every command (`generate`, `check`, `watch`, `explain`, `dump`, `writeReport`, `lint`, `bench`)
 * takes `{ cwd?, config?, timeout?, progress? }` (the config file, default
 * `policy-matrix.config.ts` in `cwd`, or a config object; the evaluation timeout in
 * seconds; where progress lines go) and resolves to a structured result with `ok` and
 * located `problems`; none throws for problems in the project.
 */
export {
  defineConfig,
  type ImportExtension,
  type PolicyMatrixConfig,
} from './config/define-config.ts';
export type { ConfigOptions } from './config/load-config.ts';
export type { ResolvedConfig, RuntimeImport } from './config/resolved-config.ts';

// The commands.
export {
  generate,
  type GeneratedPolicy,
  type GenerateOptions,
  type GenerateResult,
} from './generate/generate.ts';
export {
  check,
  type CheckedFile,
  type CheckOptions,
  type CheckResult,
  type CheckStatus,
} from './check/check.ts';
export { watch, type WatchEvent, type WatchHandle, type WatchOptions } from './watch/watch.ts';
export {
  explain,
  type ExplainedRule,
  type ExplainOptions,
  type ExplainResult,
} from './explain/explain.ts';
export { dump, type DumpOptions, type DumpResult } from './dump/dump.ts';
export type { DumpCell, DumpContract, DumpPolicy } from './dump/dump-contract.ts';
// The build plugin's options (the plugin itself: `@policy-matrix/codegen/vite`, `/rollup`, ...).
export type { PluginMode, PolicyMatrixPluginOptions } from './plugin/plugin-options.ts';
export { writeReport, type ReportOptions, type ReportResult } from './report/write-report.ts';
export { lint, type LintOptions, type LintResult } from './lint/lint.ts';

// Benchmarks of the user's own matrices: `bench`, the `bench` command; its results as
// data (the `--json` document), the CI gate's comparison with a baseline, and the
// config section that builds whole transitions.
export { bench, type BenchOptions, type BenchResult } from './bench/bench.ts';
export type { BenchConfig, BenchTransition } from './bench/bench-config.ts';
export {
  BENCH_JSON_VERSION,
  type BenchGroup,
  type BenchGroupKind,
  type BenchRatio,
  type BenchReport,
  type PolicyBench,
} from './bench/bench-report.ts';
export type { GateEntry, GateFigure, GateResult } from './bench/gate/compare-with-baseline.ts';

// Results: problems (each with its diagnostic code), written files, per-cell diffs, lint
// findings, and the model. The catalogue of codes (code → severity and title;
// docs/diagnostics.md explains each), and the error watch rejects with when its config
// cannot be loaded.
export { formatProblems, type Problem } from './problem/problem.ts';
export {
  DIAGNOSTICS,
  type DiagnosticCode,
  type DiagnosticEntry,
  type DiagnosticSeverity,
  type ProblemCode,
} from './problem/diagnostics.ts';
export { ProblemError } from './problem/problem-error.ts';
export type { FileStatus, WrittenFile } from './write/write-output.ts';
export type { PolicyModel, ProjectModel, RuleModel, SourceLocation } from './model/policy-model.ts';
export type { CellChange, PolicyCellDiff } from './diff/diff-policy-cells.ts';
export type { ProjectCellDiff } from './diff/diff-project-cells.ts';
export type { LintCode, LintFinding, LintSeverity } from './lint/lint-finding.ts';
