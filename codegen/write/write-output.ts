/**
 * The write step: makes the output folder hold exactly the emitted files. Writes only
 * files whose content changed, each atomically (a temporary file in the same folder,
 * then a rename), and removes generated files of policies that no longer exist. All
 * temporary files are written before anything is renamed, so a failure (an unwritable
 * folder, a full disk) leaves the folder as it was.
 */
import { mkdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EmittedFile } from '../emit/emitted-file.ts';
import { relativePosix } from '../path/relative-posix.ts';
import type { Problem } from '../problem/problem.ts';
import { readGeneratedFiles, readIfExists } from './output-folder.ts';

/** What happened to one file. */
export type FileStatus = 'created' | 'changed' | 'unchanged' | 'removed';

export interface WrittenFile {
  /** Project-relative POSIX path. */
  path: string;
  status: FileStatus;
  policy?: string;
}

let temporaryCounter = 0;

/** Writes `files` (project-relative) under `root` into `outDir`; returns each file's status or the problem. */
export function writeOutput(
  root: string,
  outDir: string,
  files: readonly EmittedFile[],
): { files: WrittenFile[]; problems: Problem[] } {
  const rel = relativePosix(root, outDir);
  const failure = (
    error: unknown,
    what: string,
  ): { files: WrittenFile[]; problems: Problem[] } => ({
    files: [],
    problems: [
      {
        file: rel,
        line: 1,
        column: 1,
        message: `Cannot write the output folder ${rel}: ${what} failed (${(error as { code?: string }).code ?? String(error)}). Make ${rel} a writable folder (or change outDir in the config); nothing was written.`,
      },
    ],
  });

  try {
    mkdirSync(outDir, { recursive: true });
    if (!statSync(outDir).isDirectory())
      throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    return failure(error, 'creating it');
  }

  const existing = readGeneratedFiles(outDir);
  const results: WrittenFile[] = [];
  const pending: { temporary: string; target: string }[] = [];
  const expected = new Set<string>();
  try {
    for (const file of files) {
      const target = path.resolve(root, file.path);
      expected.add(target);
      const current = readIfExists(target);
      const status: FileStatus =
        current === undefined ? 'created' : current === file.content ? 'unchanged' : 'changed';
      results.push(
        file.policy === undefined
          ? { path: file.path, status }
          : { path: file.path, status, policy: file.policy },
      );
      if (status === 'unchanged') continue;
      const temporary = path.join(
        path.dirname(target),
        `.${path.basename(target)}.${process.pid}.${++temporaryCounter}.tmp`,
      );
      pending.push({ temporary, target });
      writeFileSync(temporary, file.content, { encoding: 'utf8', flag: 'wx' });
    }
  } catch (error) {
    for (const { temporary } of pending) rmSync(temporary, { force: true });
    return failure(error, 'writing a file');
  }

  for (const { temporary, target } of pending) renameSync(temporary, target);
  for (const file of existing.keys()) {
    if (expected.has(file)) continue;
    unlinkSync(file);
    results.push({ path: relativePosix(root, file), status: 'removed' });
  }
  return { files: results, problems: [] };
}
