/**
 * Exceptions raised by the user's code, as plain data (they cross from the evaluation
 * child process to the compiler), with a one-line description and the place in the
 * project where they were raised.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceLocation } from '../model/policy-model.ts';
import { relativePosix } from '../path/relative-posix.ts';

/** What was thrown: its name, message and stack (when it was an Error). */
export interface ThrownError {
  name: string;
  message: string;
  stack?: string;
}

/** Captures anything thrown as plain data. */
export function toThrownError(error: unknown): ThrownError {
  if (error instanceof Error) {
    return error.stack === undefined
      ? { name: error.name, message: error.message }
      : { name: error.name, message: error.message, stack: error.stack };
  }
  const shown = typeof error === 'string' ? JSON.stringify(error) : safeString(error);
  return { name: 'Thrown value', message: shown };
}

/** `Name: message` on one line; a transpiler's syntax error is reduced to its message. */
export function describeThrown(error: ThrownError): string {
  const syntax = ESBUILD_ERROR.exec(error.message);
  if (syntax !== null) return `SyntaxError: ${syntax[4]}`;
  const message = error.message.replace(/\s*\n\s*/g, ' ').trim();
  return message === '' ? error.name : `${error.name}: ${message}`;
}

// esbuild (used by tsx) reports syntax errors as `file:line:col: ERROR: message`.
const ESBUILD_ERROR = /^(.*?):(\d+):(\d+): ERROR: (.*)$/m;
const FRAME = /(?:\(|\s|^)((?:file:\/\/)?\/[^\s()]*?|[A-Za-z]:\\[^\s()]*?):(\d+):(\d+)\)?$/;

/**
 * Where in the project `error` was raised: the position a syntax error names, or the
 * first stack frame outside node_modules, outside `skipDir` (the compiler's own code)
 * and not `skipFile` (the runtime's files), relative to `root`. `undefined` when none.
 */
export function locateThrown(
  error: ThrownError,
  root: string,
  skipDir?: string,
  skipFile: (file: string) => boolean = () => false,
): SourceLocation | undefined {
  const syntax = ESBUILD_ERROR.exec(error.message);
  if (syntax !== null && path.isAbsolute(syntax[1] ?? '')) {
    return {
      file: relativePosix(root, syntax[1] as string),
      line: Number(syntax[2]),
      column: Number(syntax[3]) + 1,
    };
  }
  for (const line of (error.stack ?? '').split('\n')) {
    const match = FRAME.exec(line.trim());
    if (match === null) continue;
    const [, raw = '', lineNumber = '0', column = '0'] = match;
    const file = raw.startsWith('file://') ? fileURLToPath(raw) : raw;
    if (file.includes(`${path.sep}node_modules${path.sep}`)) continue;
    if (skipDir !== undefined && file.startsWith(skipDir + path.sep)) continue;
    if (file.startsWith('node:') || skipFile(file)) continue;
    return { file: relativePosix(root, file), line: Number(lineNumber), column: Number(column) };
  }
  return undefined;
}

function safeString(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
