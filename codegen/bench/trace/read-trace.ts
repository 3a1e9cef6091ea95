/**
 * Reading a trace file for `bench --trace <file>`: the user's own traffic, as the
 * `(from, to)` pairs of the transitions their system proposed, in order. Two forms:
 *
 * - NDJSON: one JSON array `[from, to]` per line (blank lines are skipped);
 * - one JSON array of such pairs: `[["PENDING", "RUNNING"], ["RUNNING", "COMPLETED"]]`.
 *
 * A state is a JSON string (the state's name, as `explain` takes it) or `null` ("no
 * state"). Every malformed entry and every state the policy does not have is a problem
 * located at its line and column: a trace is never read partly, never skipped silently.
 */
import type { Problem } from '../../problem/problem.ts';

export type TracePair = readonly [string | null, string | null];

/** A trace entry with where it was written (1-based). */
export interface TraceEntry {
  pair: TracePair;
  line: number;
  column: number;
}

export interface ReadTrace {
  entries: TraceEntry[];
  problems: Problem[];
}

/** How many problems one trace reports before it stops listing them. */
const MAX_PROBLEMS = 20;

/** Parses the text of a trace; `file` is how problems name it. */
export function parseTrace(text: string, file: string): ReadTrace {
  const entries: TraceEntry[] = [];
  const problems: Problem[] = [];
  const problem = (offset: number, message: string): void => {
    const { line, column } = position(text, offset);
    problems.push({ code: 'PM070', file, line, column, message });
  };
  const pieces = isJsonArrayOfPairs(text) ? arrayElements(text, problem) : ndjsonLines(text);
  for (const piece of pieces) {
    if (problems.length >= MAX_PROBLEMS) break;
    let value: unknown;
    try {
      value = JSON.parse(piece.text);
    } catch (error) {
      problem(
        piece.offset,
        `Malformed trace entry ${abbreviate(piece.text)}: ${error instanceof Error ? error.message : String(error)}. Write each transition as ["FROM", "TO"] (null for no state).`,
      );
      continue;
    }
    const pair = asPair(value);
    if (typeof pair === 'string') {
      problem(piece.offset, `Malformed trace entry ${abbreviate(piece.text)}: ${pair}`);
      continue;
    }
    entries.push({ pair, ...position(text, piece.offset) });
  }
  if (problems.length === 0 && entries.length === 0) {
    problems.push({
      code: 'PM070',
      file,
      line: 1,
      column: 1,
      message:
        'The trace holds no transitions; write one ["FROM", "TO"] pair per line (NDJSON) or a JSON array of pairs.',
    });
  }
  return { entries, problems };
}

/**
 * The problems of a trace's states against a policy's universe: one per entry with a
 * state the policy does not have, naming the policy and its states.
 */
export function checkTraceStates(
  entries: readonly TraceEntry[],
  file: string,
  policy: string,
  states: readonly (string | null)[],
): Problem[] {
  const known = new Set(states);
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (problems.length >= MAX_PROBLEMS) break;
    for (const state of entry.pair) {
      if (known.has(state)) continue;
      problems.push({
        code: 'PM071',
        file,
        line: entry.line,
        column: entry.column,
        policy,
        message: `Unknown state ${JSON.stringify(state)}: ${policy} has the states ${states.map((s) => (s === null ? 'null' : JSON.stringify(s))).join(', ')}. Fix the trace, or choose the policy it was recorded for with --policy <Name>.`,
      });
      break;
    }
  }
  return problems;
}

function asPair(value: unknown): TracePair | string {
  if (!Array.isArray(value) || value.length !== 2)
    return 'expected a pair ["FROM", "TO"] (null for no state).';
  for (const state of value) {
    if (state !== null && (typeof state !== 'string' || state === ''))
      return `a state is a non-empty string or null, got ${JSON.stringify(state)}.`;
  }
  return [value[0] as string | null, value[1] as string | null];
}

interface Piece {
  text: string;
  offset: number;
}

/** `[` then `[` or `]`: a JSON array of pairs (an NDJSON line starts `["` or `[null`). */
function isJsonArrayOfPairs(text: string): boolean {
  return /^\s*\[\s*[[\]]/.test(text.replace(/^\uFEFF/, ''));
}

function ndjsonLines(text: string): Piece[] {
  const pieces: Piece[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = line.length - line.trimStart().length;
    if (line.trim() !== '') pieces.push({ text: line.trim(), offset: offset + start });
    offset += line.length + 1;
  }
  return pieces;
}

/**
 * The top-level elements of a JSON array, as source slices with their offsets, found
 * by a scanner that follows strings and nesting, so that each element is parsed (and
 * located) on its own.
 */
function arrayElements(text: string, problem: (offset: number, message: string) => void): Piece[] {
  const pieces: Piece[] = [];
  const open = text.indexOf('[');
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = open + 1; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    if (start < 0 && !/\s/.test(ch) && ch !== ',' && ch !== ']') start = i;
    if (ch === '[' || ch === '{') depth++;
    else if ((ch === ']' || ch === '}') && depth > 0) depth--;
    else if ((ch === ',' || ch === ']') && depth === 0) {
      if (start >= 0) pieces.push({ text: text.slice(start, i).trim(), offset: start });
      else if (ch === ',') problem(i, 'Malformed trace: an empty entry (two commas in a row).');
      start = -1;
      if (ch === ']') {
        const rest = text.slice(i + 1);
        if (rest.trim() !== '')
          problem(
            i + 1 + (rest.length - rest.trimStart().length),
            'Malformed trace: text after the closing ] of the array.',
          );
        return pieces;
      }
    }
  }
  problem(text.length, 'Malformed trace: the array is not closed with ].');
  if (start >= 0) pieces.push({ text: text.slice(start).trim(), offset: start });
  return pieces;
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function abbreviate(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
