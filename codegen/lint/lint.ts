/**
 * `lint`: reads the project (config → read → model, no emit) and runs every lint
 * check on it. Unlike the rest of this folder it loads the project; the checks
 * themselves are pure functions of the model.
 */
import { compileWithConfig } from '../compile/compile-project.ts';
import { loadConfig, type ConfigOptions } from '../config/load-config.ts';
import type { Problem } from '../problem/problem.ts';
import { lintExitCode } from './lint-exit-code.ts';
import type { LintFinding } from './lint-finding.ts';
import { lintProject } from './lint-project.ts';

export interface LintOptions extends ConfigOptions {
  /** Warnings count as errors (default false). */
  strict?: boolean;
}

export interface LintResult {
  /** True when the project reads and no finding counts as an error. */
  ok: boolean;
  problems: Problem[];
  /** By policy (name order), then by code. */
  findings: LintFinding[];
  strict: boolean;
}

/** Lints the project. Never throws for problems in the project. */
export async function lint(options: LintOptions = {}): Promise<LintResult> {
  const strict = options.strict ?? false;
  const loaded = await loadConfig(options);
  if (loaded.config === undefined)
    return { ok: false, problems: loaded.problems, findings: [], strict };
  const compiled = await compileWithConfig(loaded.config, {
    emit: false,
    ...(options.progress === undefined ? {} : { progress: options.progress }),
  });
  if (compiled.problems.length > 0 || compiled.model === undefined)
    return { ok: false, problems: compiled.problems, findings: [], strict };
  const findings = lintProject(compiled.model);
  return { ok: lintExitCode(findings, strict) === 0, problems: [], findings, strict };
}
