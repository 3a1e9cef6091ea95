/**
 * A problem the compiler found in the user's project: where (project-relative POSIX
 * path, 1-based line and column), what is wrong and how to fix it. Every step collects
 * problems instead of stopping at the first; the CLI prints them in the style of
 * ts-morph's verifier (`path:line:col: message`, then a count) and exits non-zero.
 */

export interface Problem {
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

/** One problem as `path:line:col: message`, always one line (line breaks are escaped). */
function formatProblem(problem: Problem): string {
  const message = problem.message.replace(/[\r\n\u2028\u2029]/g, (unit) =>
    unit === '\n' ? '\\n' : unit === '\r' ? '\\r' : `\\u${unit.charCodeAt(0).toString(16)}`,
  );
  return `${problem.file}:${problem.line}:${problem.column}: ${message}`;
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
function sortProblems(problems: readonly Problem[]): Problem[] {
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
