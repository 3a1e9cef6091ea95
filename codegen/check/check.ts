/**
 * `check`: compiles in memory and compares with the output folder. Fresh when every
 * file is byte-identical and no generated file is left over (with `report: true` in
 * the config, the report folder included). For each stale policy module it reads the
 * file back (in a child process) and names the cells that differ. Lints the project
 * too: under `strict`, a warning fails the check like a stale file.
 */
import path from 'node:path';
import { compileProject } from '../compile/compile-project.ts';
import type { ConfigOptions } from '../config/load-config.ts';
import { hasCellChanges, type PolicyCellDiff } from '../diff/diff-policy-cells.ts';
import type { ProjectCellDiff } from '../diff/diff-project-cells.ts';
import { bannerPolicy } from '../emit/banner.ts';
import { diffGeneratedModules } from '../inspect/diff-generated-modules.ts';
import { lintExitCode } from '../lint/lint-exit-code.ts';
import type { LintFinding } from '../lint/lint-finding.ts';
import { lintProject } from '../lint/lint-project.ts';
import type { PolicyModel, ProjectModel } from '../model/policy-model.ts';
import { relativePosix } from '../path/relative-posix.ts';
import { compareCodeUnits, type Problem } from '../problem/problem.ts';
import { readIfExists, readOutputFiles } from '../write/output-folder.ts';

export type CheckStatus = 'fresh' | 'stale' | 'missing' | 'extra';

export interface CheckOptions extends ConfigOptions {
  /** Lint warnings fail the check (default false). */
  strict?: boolean;
}

export interface CheckedFile {
  /** Project-relative POSIX path. */
  path: string;
  status: CheckStatus;
  policy?: string;
  /** Set on report files. */
  report?: true;
  /** For a stale policy module read back: its cells (file → policy). */
  cellDiff?: PolicyCellDiff;
  /** For a stale file: why, when the cells alone do not say. */
  note?: string;
}

export interface CheckResult {
  /** True when the project compiles, the output folder is fresh and lint passes. */
  ok: boolean;
  /** True when the project compiles and the output folder is fresh. */
  fresh: boolean;
  problems: Problem[];
  /** Every expected file and every left-over generated file, by path. */
  files: CheckedFile[];
  /** The output folder, project-relative. */
  outDir: string | undefined;
  /** The command that makes the folder fresh, from the config. */
  regenerateCommand: string | undefined;
  /** The lint findings (empty when the project does not compile). */
  lint: LintFinding[];
  /** Whether lint warnings counted as errors. */
  strict: boolean;
  /**
   * What regenerating would change in the matrices (file → policy): policies whose
   * module is missing as added, left-over modules as removed, stale modules whose
   * cells differ as changed. Modules that cannot be read back are left out.
   */
  cellDiff: ProjectCellDiff;
  /** The compiled model the folder was compared with (absent when the project does not compile). */
  model?: ProjectModel;
}

/** Why a file whose text differs only by CRLF line endings is stale, and the lasting fix. */
function lineEndingNote(outDir: string, root: string, pinned: boolean): string {
  const attributes = relativePosix(root, path.join(outDir, '.gitattributes'));
  return pinned
    ? `only its line endings differ (CRLF, where generate writes LF), as after a checkout that converts them; ${attributes} pins LF, so check out the folder again (or regenerate)`
    : `only its line endings differ (CRLF, where generate writes LF), as after a checkout that converts them; regenerate, and set gitattributes: true in the config so that ${attributes} pins LF for every checkout`;
}

/** Compares the output folder with what `generate` would write. Writes nothing. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const strict = options.strict ?? false;
  const compiled = await compileProject(options);
  const { config, model } = compiled;
  if (compiled.problems.length > 0 || config === undefined || model === undefined) {
    return {
      ok: false,
      fresh: false,
      problems: compiled.problems,
      files: [],
      outDir: config === undefined ? undefined : relativePosix(config.root, config.outDir),
      regenerateCommand: config?.regenerateCommand,
      lint: [],
      strict,
      cellDiff: { added: [], removed: [], changed: [] },
    };
  }
  const lint = lintProject(model);
  const files: CheckedFile[] = [];
  const stale: { file: CheckedFile; policy: PolicyModel; absolute: string }[] = [];
  const added: string[] = [];
  const expected = new Set<string>();
  for (const emitted of compiled.files) {
    const absolute = path.resolve(config.root, emitted.path);
    expected.add(absolute);
    const current = readIfExists(absolute);
    const checked: CheckedFile = {
      path: emitted.path,
      status: current === undefined ? 'missing' : current === emitted.content ? 'fresh' : 'stale',
    };
    if (emitted.policy !== undefined) checked.policy = emitted.policy;
    if (emitted.report === true) checked.report = true;
    files.push(checked);
    if (checked.status === 'stale' && current?.replace(/\r\n/g, '\n') === emitted.content) {
      // Only the line endings differ: nothing to read back, and the cure is not a rerun alone.
      checked.note = lineEndingNote(config.outDir, config.root, config.gitattributes);
      continue;
    }
    const policy = model.policies.find((p) => p.name === emitted.policy);
    if (policy === undefined) continue;
    if (checked.status === 'stale') stale.push({ file: checked, policy, absolute });
    if (checked.status === 'missing') added.push(policy.name);
  }
  const removed: string[] = [];
  for (const [file, content] of readOutputFiles(config)) {
    if (expected.has(file)) continue;
    const extra: CheckedFile = { path: relativePosix(config.root, file), status: 'extra' };
    const policy = bannerPolicy(content);
    if (policy !== undefined) {
      extra.policy = policy;
      removed.push(policy);
    } else if (path.dirname(file) === config.reportDir) {
      extra.report = true;
    }
    files.push(extra);
  }

  const diffs = await diffGeneratedModules(
    stale.map(({ policy, absolute }) => ({ module: absolute, policy })),
    config.root,
  );
  const changed: PolicyCellDiff[] = [];
  stale.forEach(({ file }, index) => {
    const { cellDiff, note } = diffs[index] ?? {};
    if (cellDiff !== undefined) {
      file.cellDiff = cellDiff;
      if (hasCellChanges(cellDiff)) changed.push(cellDiff);
    }
    if (note !== undefined) file.note = note;
    else if (cellDiff !== undefined && !hasCellChanges(cellDiff)) {
      file.note =
        "no cell differs; its text does (banner and inputs hash, imports or layout), for example after an edit to the policy's sources";
    }
  });

  files.sort((a, b) => compareCodeUnits(a.path, b.path));
  const fresh = files.every((file) => file.status === 'fresh');
  return {
    ok: fresh && lintExitCode(lint, strict) === 0,
    fresh,
    problems: [],
    files,
    outDir: relativePosix(config.root, config.outDir),
    regenerateCommand: config.regenerateCommand,
    lint,
    strict,
    cellDiff: {
      added: added.sort(compareCodeUnits),
      removed: removed.sort(compareCodeUnits),
      changed: changed.sort((a, b) => compareCodeUnits(a.policy, b.policy)),
    },
    model,
  };
}
