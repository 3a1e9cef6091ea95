/**
 * Reading the output folder: the files in it that policy-matrix generated (those whose
 * first line is the generated mark). Files without the mark are never touched.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { GENERATED_MARK } from '../emit/banner.ts';

/** Generated `.ts` files directly in `outDir` (absolute path → content); empty when it does not exist. */
export function readGeneratedFiles(outDir: string): Map<string, string> {
  const found = new Map<string, string>();
  let names: string[];
  try {
    if (!statSync(outDir).isDirectory()) return found;
    names = readdirSync(outDir);
  } catch {
    return found;
  }
  for (const name of names.sort()) {
    if (!name.endsWith('.ts')) continue;
    const file = path.join(outDir, name);
    try {
      const content = readFileSync(file, 'utf8');
      if (content.startsWith(GENERATED_MARK)) found.set(file, content);
    } catch {
      // unreadable or vanished: not ours to judge
    }
  }
  return found;
}

/** The content of `file`, or `undefined` when it does not exist or cannot be read. */
export function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
