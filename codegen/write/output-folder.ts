/**
 * Reading the output folder: the files in it that policy-matrix generated. Modules and
 * the `.gitattributes` are recognised by their first line (the generated mark), report
 * files by their banner (`isGeneratedReport`). Files without the mark are never touched.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/resolved-config.ts';
import { GENERATED_MARK } from '../emit/banner.ts';
import { GITATTRIBUTES_FILE, GITATTRIBUTES_MARK } from '../emit/emit-gitattributes.ts';
import { isGeneratedReport } from '../report/report-mark.ts';

/**
 * Generated files directly in `outDir` (absolute path → content): `.ts` modules and the
 * `.gitattributes`, each recognised by its mark; empty when the folder does not exist.
 */
export function readGeneratedFiles(outDir: string): Map<string, string> {
  return readMarkedFiles(outDir, isGeneratedOutput);
}

/** Whether the file `name` of the output folder, holding `content`, is one policy-matrix wrote. */
export function isGeneratedOutput(name: string, content: string): boolean {
  if (name === GITATTRIBUTES_FILE) return content.startsWith(GITATTRIBUTES_MARK);
  return name.endsWith('.ts') && content.startsWith(GENERATED_MARK);
}

/** Generated report files (`.md`, `.svg`) directly in `reportDir` (absolute path → content). */
export function readGeneratedReports(reportDir: string): Map<string, string> {
  return readMarkedFiles(
    reportDir,
    (name, content) =>
      (name.endsWith('.md') || name.endsWith('.svg')) && isGeneratedReport(content),
  );
}

/**
 * Every generated file the config's output consists of: the modules in the output
 * folder and, when the config asks for a report, the report files. These are the files
 * `generate` may remove and `check` reports as extra. With `report: false` the report
 * folder is not the output's: it is left as it is.
 */
export function readOutputFiles(config: ResolvedConfig): Map<string, string> {
  const files = readGeneratedFiles(config.outDir);
  if (config.report)
    for (const [file, content] of readGeneratedReports(config.reportDir)) files.set(file, content);
  return files;
}

/** The content of `file`, or `undefined` when it does not exist or cannot be read. */
export function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function readMarkedFiles(
  folder: string,
  generated: (name: string, content: string) => boolean,
): Map<string, string> {
  const found = new Map<string, string>();
  let names: string[];
  try {
    if (!statSync(folder).isDirectory()) return found;
    names = readdirSync(folder);
  } catch {
    return found;
  }
  for (const name of names.sort()) {
    if (
      !name.endsWith('.ts') &&
      !name.endsWith('.md') &&
      !name.endsWith('.svg') &&
      name !== GITATTRIBUTES_FILE
    )
      continue;
    const file = path.join(folder, name);
    try {
      const content = readFileSync(file, 'utf8');
      if (generated(name, content)) found.set(file, content);
    } catch {
      // unreadable, vanished or a folder: not ours to judge
    }
  }
  return found;
}
