/**
 * Project-relative POSIX paths: how every path in generated code, banners, problems and
 * reports is spelt, so that output never depends on the machine it was produced on.
 */
import path from 'node:path';

/** `file` relative to `root`, with forward slashes. */
export function relativePosix(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
