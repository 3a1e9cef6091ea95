/**
 * The write step: makes the output hold exactly the emitted files. Writes only files
 * whose content changed, each atomically (a temporary file in the same folder, then a
 * rename), and removes generated files nothing emits any more (modules of policies
 * that no longer exist, report pages of renamed policies). All temporary files are
 * written before anything is renamed, so a failure (an unwritable folder, a full disk,
 * a file that would overwrite a hand-written one) leaves the output as it was.
 *
 * The writer owns only what it wrote: a file that does not carry the generated mark
 * (modules) or the report banner (report files) is never overwritten, renamed or
 * removed, whatever its name.
 */
import { mkdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EmittedFile } from '../emit/emitted-file.ts';
import { relativePosix } from '../path/relative-posix.ts';
import type { Problem } from '../problem/problem.ts';
import { GENERATED_MARK } from '../emit/banner.ts';
import { GITATTRIBUTES_FILE, GITATTRIBUTES_MARK } from '../emit/emit-gitattributes.ts';
import { isGeneratedReport } from '../report/report-mark.ts';
import { isGeneratedOutput, readGeneratedFiles, readIfExists } from './output-folder.ts';

/** What happened to one file. */
export type FileStatus = 'created' | 'changed' | 'unchanged' | 'removed';

export interface WrittenFile {
  /** Project-relative POSIX path. */
  path: string;
  status: FileStatus;
  policy?: string;
  /** Set on report files. */
  report?: true;
}

let temporaryCounter = 0;

/**
 * Writes `files` (paths relative to `root`) and removes the files of `existing`
 * (absolute path → content: the generated files found before, by default the modules
 * in `outDir`) that `files` does not hold. Returns each file's status, or the problem
 * (named after `outDir`) and no change. A module never overwrites a file without the
 * generated mark, a report file never one without the report banner: such a file is a
 * problem at that file, and nothing is written.
 */
export function writeOutput(
  root: string,
  outDir: string,
  files: readonly EmittedFile[],
  existing: ReadonlyMap<string, string> = readGeneratedFiles(outDir),
): { files: WrittenFile[]; problems: Problem[] } {
  const rel = relativePosix(root, outDir);
  const failure = (
    error: unknown,
    what: string,
  ): { files: WrittenFile[]; problems: Problem[] } => ({
    files: [],
    problems: [
      {
        code: 'PM053',
        file: rel,
        line: 1,
        column: 1,
        message: `Cannot write the output folder ${rel}: ${what} failed (${(error as { code?: string }).code ?? String(error)}). Make ${rel} a writable folder (or change outDir in the config); nothing was written.`,
      },
    ],
  });

  const created: string[] = [];
  const removeCreatedFolders = (): void => {
    for (const folder of created.reverse()) rmSync(folder, { recursive: true, force: true });
  };
  try {
    for (const folder of new Set([
      outDir,
      ...files.map((f) => path.dirname(path.resolve(root, f.path))),
    ])) {
      const first = mkdirSync(folder, { recursive: true });
      if (first !== undefined) created.push(first);
      if (!statSync(folder).isDirectory())
        throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    }
  } catch (error) {
    removeCreatedFolders();
    return failure(error, 'creating it');
  }

  const results: WrittenFile[] = [];
  const pending: { temporary: string; target: string }[] = [];
  const expected = new Set<string>();
  const foreign: EmittedFile[] = [];
  try {
    for (const file of files) {
      const target = path.resolve(root, file.path);
      expected.add(target);
      const current = readIfExists(target);
      if (current !== undefined && !isOurs(file, current)) {
        foreign.push(file);
        continue;
      }
      const status: FileStatus =
        current === undefined ? 'created' : current === file.content ? 'unchanged' : 'changed';
      const result: WrittenFile = { path: file.path, status };
      if (file.policy !== undefined) result.policy = file.policy;
      if (file.report === true) result.report = true;
      results.push(result);
      if (status === 'unchanged' || foreign.length > 0) continue;
      const temporary = path.join(
        path.dirname(target),
        `.${path.basename(target)}.${process.pid}.${++temporaryCounter}.tmp`,
      );
      pending.push({ temporary, target });
      writeFileSync(temporary, file.content, { encoding: 'utf8', flag: 'wx' });
    }
  } catch (error) {
    for (const { temporary } of pending) rmSync(temporary, { force: true });
    removeCreatedFolders();
    return failure(error, 'writing a file');
  }
  if (foreign.length > 0) {
    for (const { temporary } of pending) rmSync(temporary, { force: true });
    removeCreatedFolders();
    return {
      files: [],
      problems: foreign.map((file) => ({
        code: 'PM054',
        file: file.path,
        line: 1,
        column: 1,
        message:
          file.report === true
            ? `${file.path} exists and was not generated by policy-matrix (it lacks the report banner), so the report will not overwrite it. Move or delete it, or write the report elsewhere; nothing was written.`
            : `${file.path} exists and was not generated by policy-matrix (it does not start with the line "${path.posix.basename(file.path) === GITATTRIBUTES_FILE ? GITATTRIBUTES_MARK : GENERATED_MARK}"), so generate will not overwrite it. Move it out of ${rel}/, or choose another outDir in the config; nothing was written.`,
      })),
    };
  }

  for (const { temporary, target } of pending) renameSync(temporary, target);
  for (const file of existing.keys()) {
    if (expected.has(file)) continue;
    // Only a file that still carries its mark is removed (it may have been replaced since).
    const now = readIfExists(file);
    if (
      now === undefined ||
      !(isGeneratedOutput(path.basename(file), now) || isGeneratedReport(now))
    )
      continue;
    unlinkSync(file);
    const result: WrittenFile = { path: relativePosix(root, file), status: 'removed' };
    if (isGeneratedReport(existing.get(file) ?? '')) result.report = true;
    results.push(result);
  }
  return { files: results, problems: [] };
}

/** Whether `current` (the file at an emitted file's path) is a file policy-matrix wrote. */
function isOurs(file: EmittedFile, current: string): boolean {
  if (file.report === true) return isGeneratedReport(current);
  return isGeneratedOutput(path.posix.basename(file.path), current);
}
