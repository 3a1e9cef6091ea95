/**
 * policy-matrix compiler: the public, programmatic API of the CLI's commands, the config
 * helper and the plain-data model. Everything public is listed here by name.
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
export {
  CONFIG_FILE_NAME,
  loadConfig,
  type ConfigOptions,
  type LoadedConfig,
} from './config/load-config.ts';
export {
  DEFAULT_TIMEOUT_SECONDS,
  type ResolvedConfig,
  type RuntimeImport,
} from './config/resolved-config.ts';
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
export {
  explain,
  type ExplainedRule,
  type ExplainOptions,
  type ExplainResult,
} from './explain/explain.ts';
export { dump, type DumpOptions, type DumpResult } from './dump/dump.ts';
export type { DumpCell, DumpContract, DumpPolicy } from './dump/dump-contract.ts';
export { watch, type WatchEvent, type WatchHandle, type WatchOptions } from './watch/watch.ts';
// The build plugin's options (the plugin itself: `@policy-matrix/codegen/vite`, `/rollup`, ...).
export type { PluginMode, PolicyMatrixPluginOptions } from './plugin/plugin-options.ts';
export { compileProject, type CompiledProject } from './compile/compile-project.ts';
export type { PolicyModel, ProjectModel, RuleModel, SourceLocation } from './model/policy-model.ts';
export { formatProblem, formatProblems, type Problem } from './problem/problem.ts';
// Diagnostic codes: the catalogue (code → severity and title; docs/diagnostics.md
// explains each), and the error watch rejects with when its config cannot be loaded.
export {
  DIAGNOSTICS,
  type DiagnosticCode,
  type DiagnosticEntry,
  type DiagnosticSeverity,
  type ProblemCode,
} from './problem/diagnostics.ts';
export { ProblemError } from './problem/problem-error.ts';
export type { FileStatus, WrittenFile } from './write/write-output.ts';

// Reports: per policy a markdown page and an SVG heatmap, and a project index (pure
// renderers), and `writeReport`, the `report` command.
export { writeReport, type ReportOptions, type ReportResult } from './report/write-report.ts';
export {
  HEATMAP_LABEL_LIMIT,
  renderPolicyHeatmap,
  renderPolicyMarkdown,
  renderProjectReport,
  reportFileBase,
  type PolicyMarkdownOptions,
  type ProjectReportOptions,
  type ReportFile,
} from './report/index.ts';
export { isGeneratedReport, REPORT_MARK } from './report/report-mark.ts';

// Per-cell diffs of policy matrices: data, plain text and pull-request markdown.
export {
  asCellTable,
  cellTableOf,
  describeCellDiff,
  diffPolicyCells,
  diffProjectCells,
  formatCellChange,
  formatCellChanges,
  formatCellDiff,
  formatProjectCellDiff,
  hasCellChanges,
  hasProjectCellChanges,
  renderCellDiffMarkdown,
  type CellChange,
  type CellDiffFormatOptions,
  type CellDiffMarkdownOptions,
  type CellSource,
  type CellTable,
  type CellTableCell,
  type InternedCellTable,
  type PolicyCellDiff,
  type PolicySet,
  type ProjectCellDiff,
} from './diff/index.ts';

// Lint: checks over the model, formatting, exit status; `lint`, the `lint` command.
export { lint, type LintOptions, type LintResult } from './lint/lint.ts';
export {
  effectiveSeverity,
  formatFinding,
  formatLintSummary,
  isGlobalPolicy,
  LINT_CODES,
  lintExitCode,
  lintPolicy,
  lintProject,
  type FindingFormatOptions,
  type LintCode,
  type LintFinding,
  type LintSeverity,
} from './lint/index.ts';

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
export type { BenchPlan } from './bench/measure/bench-request.ts';
export type { SamplingPlan } from './bench/harness/sample-interleaved.ts';
export type { Environment as BenchEnvironment } from './bench/harness/environment.ts';
export type { MeasuredCase, MeasuredGroup } from './bench/harness/measured-group.ts';
export type { Summary as BenchSummary } from './bench/harness/summary.ts';
export {
  compareWithBaseline,
  type GateEntry,
  type GateFigure,
  type GateOptions,
  type GateResult,
} from './bench/gate/compare-with-baseline.ts';
