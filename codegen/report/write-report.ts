/**
 * `report`: reads the project (config → read → model, no module emit) and writes its
 * report (an index, and per policy a markdown page and an SVG heatmap) into the
 * config's report folder (`<outDir>/report/`) or a folder of the caller's choice, by
 * the write step's rules: only changed files, atomically, left-over report files of
 * policies that no longer exist removed, files without the report banner never
 * touched. Unlike the rest of this folder it loads the project and writes.
 */
import path from 'node:path';
import { compileWithConfig } from '../compile/compile-project.ts';
import { loadConfig, type ConfigOptions } from '../config/load-config.ts';
import { emitReport } from '../emit/emit-report.ts';
import { relativePosix } from '../path/relative-posix.ts';
import type { Problem } from '../problem/problem.ts';
import { readGeneratedReports } from '../write/output-folder.ts';
import { writeOutput, type WrittenFile } from '../write/write-output.ts';

export interface ReportOptions extends ConfigOptions {
  /** The folder to write, relative to `cwd` (default: the config's `<outDir>/report`). */
  out?: string;
}

export interface ReportResult {
  /** True when the project compiled and the report was written. */
  ok: boolean;
  problems: Problem[];
  /** Every report file written, left unchanged or removed (project-relative paths). */
  files: WrittenFile[];
  /** The report folder, project-relative. */
  reportDir: string | undefined;
}

/** Writes the project's report. Never throws for problems in the project. */
export async function writeReport(options: ReportOptions = {}): Promise<ReportResult> {
  const loaded = await loadConfig(options);
  if (loaded.config === undefined)
    return { ok: false, problems: loaded.problems, files: [], reportDir: undefined };
  const config = loaded.config;
  const reportDir =
    options.out === undefined
      ? config.reportDir
      : path.resolve(options.cwd ?? process.cwd(), options.out);
  const rel = relativePosix(config.root, reportDir);
  const compiled = await compileWithConfig(config, {
    emit: false,
    ...(options.progress === undefined ? {} : { progress: options.progress }),
  });
  if (compiled.problems.length > 0 || compiled.model === undefined)
    return { ok: false, problems: compiled.problems, files: [], reportDir: rel };
  const report = emitReport(compiled.model, config.root, reportDir, config.configFile);
  if (report.problems.length > 0)
    return { ok: false, problems: report.problems, files: [], reportDir: rel };
  const written = writeOutput(
    config.root,
    reportDir,
    report.files,
    readGeneratedReports(reportDir),
  );
  return {
    ok: written.problems.length === 0,
    problems: written.problems,
    files: written.files,
    reportDir: rel,
  };
}
