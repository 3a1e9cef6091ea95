/**
 * Test projects on disk: copies of fixtures (test/fixtures/<scenario>/) in a scratch
 * folder under .tmp/, at the same depth below the repository root as the fixtures, so
 * their relative imports of the runtime (`../../../src/index.ts`) still resolve.
 */
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures');
const SCRATCH = path.join(REPO_ROOT, '.tmp/codegen-tests');

let counter = 0;

/**
 * A fresh, empty project folder under .tmp/codegen-tests/ (three levels below the
 * repository root). Named by process, worker thread and counter: vitest runs test
 * files in threads of one process, each with its own counter.
 */
export function scratchProject(label: string): string {
  const dir = path.join(SCRATCH, `${label}-${process.pid}-${threadId}-${++counter}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A copy of test/fixtures/<scenario> in a fresh scratch folder; returns its path. */
export function copyFixture(scenario: string): string {
  const dir = scratchProject(scenario);
  cpSync(path.join(FIXTURES, scenario), dir, { recursive: true });
  return dir;
}

/** Removes a scratch folder. */
export function removeProject(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir` (relative POSIX path → content), sorted. */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const file = path.join(current, name);
      if (statSync(file).isDirectory()) walk(file);
      else
        files.set(path.relative(dir, file).split(path.sep).join('/'), readFileSync(file, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

/** Replaces `search` (which must occur) in `file` under `dir`. */
export function editFile(
  dir: string,
  file: string,
  search: string | RegExp,
  replacement: string,
): void {
  const target = path.join(dir, file);
  const text = readFileSync(target, 'utf8');
  const edited = text.replace(search, replacement);
  if (edited === text) throw new Error(`editFile: ${String(search)} not found in ${file}`);
  writeFileSync(target, edited);
}
