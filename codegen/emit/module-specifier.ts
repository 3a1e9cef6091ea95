/**
 * Import specifiers in generated code: a relative path from the output folder to a
 * project file, spelt in the config's extension style, or the runtime's package name.
 */
import path from 'node:path';
import type { ImportExtension } from '../config/define-config.ts';
import type { RuntimeImport } from '../config/resolved-config.ts';
import { relativePosix } from '../path/relative-posix.ts';

const TS_TO_JS: Readonly<Record<string, string>> = {
  '.ts': '.js',
  '.mts': '.mjs',
  '.cts': '.cjs',
  '.tsx': '.js',
};

/** `./x.ts`, `../src/x.js` or `../src/x`: the import of `file` from a module in `fromDir`. */
export function relativeSpecifier(
  fromDir: string,
  file: string,
  extension: ImportExtension,
): string {
  let relative = relativePosix(fromDir, file);
  if (!relative.startsWith('.')) relative = `./${relative}`;
  const current = path.extname(relative);
  const stem = relative.slice(0, relative.length - current.length);
  if (extension === '') return stem;
  if (extension === '.js') return stem + (TS_TO_JS[current] ?? current);
  return relative;
}

/** How a generated module in `fromDir` imports the runtime. */
export function runtimeSpecifier(
  fromDir: string,
  runtime: RuntimeImport,
  extension: ImportExtension,
): string {
  return runtime.kind === 'package'
    ? runtime.specifier
    : relativeSpecifier(fromDir, runtime.file, extension);
}
