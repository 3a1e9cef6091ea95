/**
 * Lint findings as the CLI prints them: one line per finding (`formatFinding`), then
 * the summary (`lint: 2 findings: 0 errors, 2 warnings, 0 infos`). Under `--strict`
 * warnings are shown and counted as errors; infos never fail. Findings in the policies
 * of an installed package, which the project cannot fix, are not listed: one line per
 * package says how many there are.
 */
import { formatFinding } from '../lint/format-finding.ts';
import { findingPackage } from '../lint/installed-package.ts';
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
  const own = findings.filter((finding) => findingPackage(finding) === null);
  const installed = new Map<string, LintFinding[]>();
  for (const finding of findings) {
    const name = findingPackage(finding);
    if (name !== null) installed.set(name, [...(installed.get(name) ?? []), finding]);
  }
  const lines = [...installed.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => installedPackageLine(name, installed.get(name)!));
  if (own.length === 0 && !always) return lines;
  const failed = lintExitCode(own, strict) === 1;
  return [
    ...own.map((finding) => formatFinding(finding, { strict })),
    ...lines,
    `lint: ${formatLintSummary(own, strict)}${failed && strict ? ' (--strict counts warnings as errors)' : ''}.`,
  ];
}

/**
 * `lint: policy-matrix (installed package): 1 finding (0 errors, 0 warnings, 1 info) in its
 * policies, not listed: ...`. Counted without `--strict`: they never fail.
 */
function installedPackageLine(name: string, findings: readonly LintFinding[]): string {
  return (
    `lint: ${name} (installed package): ${formatLintSummary(findings, false).replace(': ', ' (')}) ` +
    `in its policies, not listed: they are the package's to fix and never fail this project's lint ` +
    `(leave its policies out with \`exclude\` in the config to skip them).`
  );
}
