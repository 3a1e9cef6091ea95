/**
 * `--diff-markdown <file>` of `generate` and `check`: the project's cell diff as
 * markdown (`renderCellDiffMarkdown`), for a pull-request comment, plus the policies
 * whose old cells could not be read back (so the comment never hides them).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ProjectCellDiff } from '../diff/diff-project-cells.ts';
import { renderCellDiffMarkdown } from '../diff/render-cell-diff-markdown.ts';
import { markdownCode, markdownText, printableName } from '../text/escape.ts';

/** A policy whose module changed but whose old cells could not be read back, and why. */
export interface UncomparedPolicy {
  policy: string;
  note: string;
}

/** The markdown: the diff, then a list of the policies that were not compared. Pure. */
export function diffMarkdown(
  diff: ProjectCellDiff,
  uncompared: readonly UncomparedPolicy[],
): string {
  const markdown = renderCellDiffMarkdown(diff);
  if (uncompared.length === 0) return markdown;
  const lines = ['', 'Not compared (the old module could not be read back):', ''];
  for (const { policy, note } of uncompared)
    lines.push(`- ${markdownCode(printableName(policy), false)}: ${markdownText(note)}`);
  return `${markdown}${lines.join('\n')}\n`;
}

/**
 * Writes the markdown to `file` (relative to `cwd`). Returns the line to print, or the
 * error line when the file cannot be written.
 */
export function writeDiffMarkdown(
  cwd: string,
  file: string,
  diff: ProjectCellDiff,
  uncompared: readonly UncomparedPolicy[],
): { ok: boolean; line: string } {
  try {
    writeFileSync(path.resolve(cwd, file), diffMarkdown(diff, uncompared), 'utf8');
    return { ok: true, line: `Cell diff written to ${file} (markdown).` };
  } catch (error) {
    const code = (error as { code?: string }).code ?? String(error);
    return {
      ok: false,
      line: `Cannot write --diff-markdown ${file} (${code}); pass a file in an existing, writable folder.`,
    };
  }
}
