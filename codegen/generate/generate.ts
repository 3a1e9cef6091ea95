/**
 * `generate`: compiles every policy, lints the project and writes the output folder
 * (only changed files, atomically; stale generated files removed; the report folder
 * too when the config asks for it). Before rewriting a policy's module it reads the
 * old one back, so the result says which cells changed. On any problem, and under
 * `strict` on any lint warning, nothing is written.
 */
import path from 'node:path';
import { compileProject } from '../compile/compile-project.ts';
import type { ConfigOptions } from '../config/load-config.ts';
import { hasCellChanges, type PolicyCellDiff } from '../diff/diff-policy-cells.ts';
import type { ProjectCellDiff } from '../diff/diff-project-cells.ts';
import { bannerPolicy } from '../emit/banner.ts';
import type { EmittedFile } from '../emit/emitted-file.ts';
import { diffGeneratedModules, type ModuleDiff } from '../inspect/diff-generated-modules.ts';
import { lintExitCode } from '../lint/lint-exit-code.ts';
import type { LintFinding } from '../lint/lint-finding.ts';
import { lintProject } from '../lint/lint-project.ts';
import type { ProjectModel } from '../model/policy-model.ts';
import { relativePosix } from '../path/relative-posix.ts';
import { compareCodeUnits, type Problem } from '../problem/problem.ts';
import { readGeneratedReports, readIfExists, readOutputFiles } from '../write/output-folder.ts';
import { writeOutput, type FileStatus, type WrittenFile } from '../write/write-output.ts';

export interface GenerateOptions extends ConfigOptions {
  /** Write the output folder (default true); `false` compiles and lints in memory only. */
  write?: boolean;
  /** Lint warnings count as errors: with any, nothing is written (default false). */
  strict?: boolean;
}

/** One policy's line of the summary. */
export interface GeneratedPolicy {
  name: string;
  /** Project-relative path of its module. */
  file: string;
  /** Number of state types (the universe also holds `null`). */
  states: number;
  /** Number of distinct rules and transforms in its priority list. */
  rules: number;
  distinctCells: number;
  status: FileStatus;
  /** For a rewritten module: its cells before (as read back from the old file) → now. */
  cellDiff?: PolicyCellDiff;
  /** For a rewritten module whose old cells could not be read back: why. */
  cellNote?: string;
}

export interface GenerateResult {
  /** True when the project compiled, lint passed and (when writing) the output was written. */
  ok: boolean;
  problems: Problem[];
  /** Sorted by name. */
  policies: GeneratedPolicy[];
  /** Every file written, left unchanged or removed. */
  files: WrittenFile[];
  /** The output folder, project-relative. */
  outDir: string | undefined;
  model: ProjectModel | undefined;
  /** The emitted files' contents (project-relative path → text). */
  contents: Map<string, string>;
  /** The lint findings (empty when the project does not compile). */
  lint: LintFinding[];
  /** Whether lint warnings counted as errors. */
  strict: boolean;
  /**
   * What this run changed in the matrices (old files → policies): policies whose
   * module was created as added, removed modules as removed, rewritten modules whose
   * cells changed as changed. Empty when nothing was written.
   */
  cellDiff: ProjectCellDiff;
  /** The report folder, project-relative, when the config asks for a report. */
  reportDir: string | undefined;
  /**
   * With `report: false`: the report folder, project-relative, when it holds generated
   * report files (from an earlier run or `policy-matrix report`) that generate leaves as
   * they are and no longer keeps up to date.
   */
  unmaintainedReport?: string;
}

const NO_CHANGES: ProjectCellDiff = { added: [], removed: [], changed: [] };

/** Compiles and lints the project and (unless `write: false`) writes the output folder. */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const strict = options.strict ?? false;
  const compiled = await compileProject(options);
  const contents = new Map(compiled.files.map((file) => [file.path, file.content]));
  const { config, model } = compiled;
  const failed = (problems: Problem[], lint: LintFinding[] = []): GenerateResult => ({
    ok: false,
    problems,
    policies: [],
    files: [],
    outDir: config === undefined ? undefined : relativePosix(config.root, config.outDir),
    model,
    contents,
    lint,
    strict,
    cellDiff: NO_CHANGES,
    reportDir: config?.report === true ? relativePosix(config.root, config.reportDir) : undefined,
  });
  if (compiled.problems.length > 0 || config === undefined || model === undefined)
    return failed(compiled.problems);
  const lint = lintProject(model);
  if (lintExitCode(lint, strict) === 1) return failed([], lint);

  let files: WrittenFile[];
  let previous = new Map<string, ModuleDiff>();
  let cellDiff = NO_CHANGES;
  if (options.write === false) {
    files = compiled.files.map((file) => {
      const unchanged: WrittenFile = { path: file.path, status: 'unchanged' };
      if (file.policy !== undefined) unchanged.policy = file.policy;
      if (file.report === true) unchanged.report = true;
      return unchanged;
    });
  } else {
    const existing = readOutputFiles(config);
    previous = await readPreviousCells(compiled.files, model, config.root);
    const written = writeOutput(config.root, config.outDir, compiled.files, existing);
    if (written.problems.length > 0) return failed(written.problems, lint);
    files = written.files;
    cellDiff = {
      added: files
        .filter((f) => f.policy !== undefined && f.status === 'created')
        .map((f) => f.policy as string)
        .sort(compareCodeUnits),
      removed: files
        .filter((f) => f.status === 'removed')
        .flatMap((f) => bannerPolicy(existing.get(path.resolve(config.root, f.path)) ?? '') ?? [])
        .sort(compareCodeUnits),
      changed: [...previous.values()]
        .flatMap((diff) =>
          diff.cellDiff !== undefined && hasCellChanges(diff.cellDiff) ? [diff.cellDiff] : [],
        )
        .sort((a, b) => compareCodeUnits(a.policy, b.policy)),
    };
  }
  const result: GenerateResult = {
    ok: true,
    problems: [],
    policies: summarize(model, files, previous),
    files,
    outDir: relativePosix(config.root, config.outDir),
    model,
    contents,
    lint,
    strict,
    cellDiff,
    reportDir: config.report ? relativePosix(config.root, config.reportDir) : undefined,
  };
  if (!config.report && readGeneratedReports(config.reportDir).size > 0)
    result.unmaintainedReport = relativePosix(config.root, config.reportDir);
  return result;
}

/**
 * The summary line data of each policy, from its model, its file's status and, for a
 * rewritten module, what changed in its cells.
 */
export function summarize(
  model: ProjectModel,
  files: readonly WrittenFile[],
  previous: ReadonlyMap<string, ModuleDiff> = new Map(),
): GeneratedPolicy[] {
  return model.policies.map((policy) => {
    const file = files.find((f) => f.policy === policy.name);
    const summary: GeneratedPolicy = {
      name: policy.name,
      file: file?.path ?? '',
      states: policy.states.length - 1,
      rules: policy.rules.length,
      distinctCells: policy.distinctCells.length,
      status: file?.status ?? 'unchanged',
    };
    const diff = previous.get(policy.name);
    if (diff?.cellDiff !== undefined) summary.cellDiff = diff.cellDiff;
    if (diff?.note !== undefined) summary.cellNote = diff.note;
    return summary;
  });
}

/** For each policy module about to be rewritten: its old cells compared with the model, by policy name. */
async function readPreviousCells(
  files: readonly EmittedFile[],
  model: ProjectModel,
  root: string,
): Promise<Map<string, ModuleDiff>> {
  const targets = files.flatMap((file) => {
    const policy = model.policies.find((p) => p.name === file.policy);
    if (policy === undefined) return [];
    const module = path.resolve(root, file.path);
    const current = readIfExists(module);
    return current === undefined || current === file.content ? [] : [{ module, policy }];
  });
  const diffs = await diffGeneratedModules(targets, root);
  return new Map(targets.map((target, index) => [target.policy.name, diffs[index] ?? {}]));
}
