/**
 * Findings about policies that live in an installed package (a file under
 * `node_modules/`): the project lints them with its own policies when a config module
 * re-exports the package's policies to extend them, but cannot fix them. The CLI
 * summarises them in one line per package instead of listing them, and they never
 * fail a run (`--strict` included).
 */
import type { LintFinding } from './lint-finding.ts';

/**
 * The name of the installed package `file` belongs to (`policy-matrix`,
 * `@scope/name`), read from its last `node_modules` segment; null for a file of the
 * project itself. Pure.
 */
export function installedPackageOf(file: string): string | null {
  const parts = file.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  const first = at === -1 ? undefined : parts[at + 1];
  if (first === undefined || first === '') return null;
  if (!first.startsWith('@')) return first;
  const second = parts[at + 2];
  return second === undefined || second === '' ? null : `${first}/${second}`;
}

/** The installed package a finding is located in, or null for the project's own. Pure. */
export function findingPackage(finding: LintFinding): string | null {
  return installedPackageOf(finding.location.file);
}
