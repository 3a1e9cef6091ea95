/**
 * A problem the compiler found in the user's project: its stable code (see the
 * catalogue in `diagnostics.ts`), where (project-relative POSIX path, 1-based line and
 * column), what is wrong and how to fix it. Every step collects problems instead of
 * stopping at the first; the CLI prints them one per line, like lint findings
 * (`path:line:col: error PM041 [Policy/Rule]: message`), then a count, and exits non-zero.
 */
import { oneLineText } from '../text/escape.ts';
import { DIAGNOSTICS, type ProblemCode } from './diagnostics.ts';

export interface Problem {
  /** What kind of problem: a `PM0xx` code of the catalogue, documented in docs/diagnostics.md. */
  code: ProblemCode;
  file: string;
  line: number;
  column: number;
  /** What is wrong and how to fix it; names the policy and the rule where there is one. */
  message: string;
  /** The policy concerned, when there is one (for programmatic consumers). */
  policy?: string;
  /** The rule or transform concerned, when there is one. */
  rule?: string;
}

/**
 * One problem as `path:line:col: error PM041 [Policy/Rule]: message` (the bracket names
 * the policy and the rule where the problem has them, and is left out where it has
 * neither), always one line (line breaks are escaped). Pure.
 */
export function formatProblem(problem: Problem): string {
  const message = oneLineText(problem.message);
  const names = [problem.policy, problem.rule].filter((name) => name !== undefined);
  const subject = names.length === 0 ? '' : ` [${names.join('/')}]`;
  const severity = DIAGNOSTICS[problem.code].severity;
  return `${problem.file}:${problem.line}:${problem.column}: ${severity} ${problem.code}${subject}: ${message}`;
}

/** Every problem on its own line, sorted, then the count. */
export function formatProblems(problems: readonly Problem[]): string {
  const lines = sortProblems(problems).map(formatProblem);
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  lines.push(`${count} found.`);
  return lines.join('\n');
}

/**
 * Problems in a stable order: by file, line, column, then message, comparing strings
 * by code unit (never `localeCompare`, whose order depends on the ICU version).
 * Duplicates (same place and message) are dropped.
 */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  const unique: Problem[] = [];
  for (const problem of problems) {
    const key = formatProblem(problem);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(problem);
  }
  return unique.sort(
    (a, b) =>
      compareCodeUnits(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareCodeUnits(a.message, b.message),
  );
}

/** Plain code-unit string comparison, for sorts whose order must never vary by machine. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
