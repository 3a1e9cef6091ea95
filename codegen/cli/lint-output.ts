/**
 * Lint findings as the CLI prints them: one line per finding (`formatFinding`), then
 * the summary (`lint: 2 findings: 0 errors, 2 warnings, 0 infos`). Under `--strict`
 * warnings are shown and counted as errors; infos never fail.
 */
import { formatFinding } from '../lint/format-finding.ts';
import { formatLintSummary, lintExitCode } from '../lint/lint-exit-code.ts';
import type { LintFinding } from '../lint/lint-finding.ts';

/**
 * The lines for `findings`; none when there are none and `always` is false (generate
 * and check stay quiet about a clean lint; the `lint` command always says so).
 */
export function formatLintOutput(
  findings: readonly LintFinding[],
  strict: boolean,
  always = false,
): string[] {
  if (findings.length === 0 && !always) return [];
  const lines = findings.map((finding) => formatFinding(finding, { strict }));
  const failed = lintExitCode(findings, strict) === 1;
  lines.push(
    `lint: ${formatLintSummary(findings, strict)}${failed && strict ? ' (--strict counts warnings as errors)' : ''}.`,
  );
  return lines;
}
