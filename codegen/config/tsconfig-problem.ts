/**
 * The project's tsconfig.json, checked before anything reads the project with it: a
 * file that cannot be read, or is not valid JSON (comments and trailing commas allowed,
 * as TypeScript allows them), is a problem (PM011) located at its first syntax error.
 * Without this check a syntax error there surfaced as an uncaught exception from
 * ts-morph, or as a failure to import the config under a bundler-based runner (vitest).
 *
 * The config loader checks first, cheaply: TypeScript's parser (for the exact message
 * and place) is loaded only when the file does not parse as plain JSON without its
 * comments. The read step checks again with the parser it has loaded anyway.
 */
import { readFileSync } from 'node:fs';
import type { ts as TypeScript } from 'ts-morph';
import { relativePosix } from '../path/relative-posix.ts';
import type { Problem } from '../problem/problem.ts';

/** The problem with `file` (a tsconfig.json under `root`), or `undefined` when it parses. */
export async function checkTsconfig(file: string, root: string): Promise<Problem | undefined> {
  const read = readTsconfig(file, root);
  if ('problem' in read) return read.problem;
  if (parsesAsJsonc(read.text)) return undefined;
  const { ts } = await import('ts-morph');
  return syntaxProblem(ts, file, read.text, root);
}

/** Like `checkTsconfig`, with TypeScript already loaded (the read step). */
export function tsconfigProblem(
  ts: typeof TypeScript,
  file: string,
  root: string,
): Problem | undefined {
  const read = readTsconfig(file, root);
  return 'problem' in read ? read.problem : syntaxProblem(ts, file, read.text, root);
}

function readTsconfig(file: string, root: string): { text: string } | { problem: Problem } {
  try {
    return { text: readFileSync(file, 'utf8') };
  } catch (error) {
    const reason = (error as { code?: string }).code ?? String(error);
    return {
      problem: {
        code: 'PM011',
        file: relativePosix(root, file),
        line: 1,
        column: 1,
        message: `Reading tsconfig.json failed (${reason}); make it a readable file (or remove it to use the defaults).`,
      },
    };
  }
}

function syntaxProblem(
  ts: typeof TypeScript,
  file: string,
  text: string,
  root: string,
): Problem | undefined {
  const { error } = ts.parseConfigFileTextToJson(file, text);
  if (error === undefined) return undefined;
  const before = text.slice(0, error.start ?? 0).split('\n');
  return {
    code: 'PM011',
    file: relativePosix(root, file),
    line: before.length,
    column: (before.at(-1)?.length ?? 0) + 1,
    message: `Syntax error in tsconfig.json: ${ts.flattenDiagnosticMessageText(error.messageText, ' ')} Fix it: its options decide how the modules' imports resolve, so nothing was read.`,
  };
}

/**
 * Whether `text` is JSON once its comments and trailing commas are removed. A cheap
 * first test only: `false` sends the text to TypeScript's parser, which decides.
 */
function parsesAsJsonc(text: string): boolean {
  let json = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '"') {
      const end = stringEnd(text, i);
      json += text.slice(i, end);
      i = end - 1;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      json += '\n';
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return false;
      i = end + 1;
      json += ' ';
    } else json += char;
  }
  try {
    JSON.parse(json.replace(/,(\s*[}\]])/g, '$1'));
    return true;
  } catch {
    return false;
  }
}

/** The index just past the string literal that starts at `start` (or the text's end). */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}
