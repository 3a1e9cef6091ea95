/**
 * `generate`: compiles every policy and writes the output folder (only changed files,
 * atomically; stale generated files removed). On any problem nothing is written.
 */
import { compileProject } from '../compile/compile-project.ts';
import type { ConfigOptions } from '../config/load-config.ts';
import type { ProjectModel } from '../model/policy-model.ts';
import { relativePosix } from '../path/relative-posix.ts';
import type { Problem } from '../problem/problem.ts';
import { writeOutput, type FileStatus, type WrittenFile } from '../write/write-output.ts';

export interface GenerateOptions extends ConfigOptions {
  /** Write the output folder (default true); `false` compiles in memory only. */
  write?: boolean;
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
}

export interface GenerateResult {
  /** True when the project compiled (and, when writing, was written). */
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
}

/** Compiles the project and (unless `write: false`) writes the output folder. */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const compiled = await compileProject(options);
  const contents = new Map(compiled.files.map((file) => [file.path, file.content]));
  const { config, model } = compiled;
  const failed = (problems: Problem[]): GenerateResult => ({
    ok: false,
    problems,
    policies: [],
    files: [],
    outDir: config === undefined ? undefined : relativePosix(config.root, config.outDir),
    model,
    contents,
  });
  if (compiled.problems.length > 0 || config === undefined || model === undefined)
    return failed(compiled.problems);

  let files: WrittenFile[];
  if (options.write === false) {
    files = compiled.files.map((file) => ({
      path: file.path,
      status: 'unchanged' as const,
      ...(file.policy === undefined ? {} : { policy: file.policy }),
    }));
  } else {
    const written = writeOutput(config.root, config.outDir, compiled.files);
    if (written.problems.length > 0) return failed(written.problems);
    files = written.files;
  }
  return {
    ok: true,
    problems: [],
    policies: summarize(model, files),
    files,
    outDir: relativePosix(config.root, config.outDir),
    model,
    contents,
  };
}

/** The summary line data of each policy, from its model and its file's status. */
export function summarize(model: ProjectModel, files: readonly WrittenFile[]): GeneratedPolicy[] {
  return model.policies.map((policy) => {
    const file = files.find((f) => f.policy === policy.name);
    return {
      name: policy.name,
      file: file?.path ?? '',
      states: policy.states.length - 1,
      rules: policy.rules.length,
      distinctCells: policy.distinctCells.length,
      status: file?.status ?? 'unchanged',
    };
  });
}
