/**
 * The exit status of a lint run, and its summary line. Errors always fail; under
 * `--strict` warnings fail too (they count as errors); infos never fail. Findings in
 * an installed package's policies never fail (see `installed-package.ts`).
 */
import { effectiveSeverity } from './format-finding.ts';
import { findingPackage } from './installed-package.ts';
import type { LintFinding, LintSeverity } from './lint-finding.ts';

/**
 * 1 when any finding of the project's own policies counts as an error (see
 * `effectiveSeverity`), else 0. Pure.
 */
export function lintExitCode(findings: readonly LintFinding[], strict: boolean): 0 | 1 {
  return findings.some(
    (finding) => effectiveSeverity(finding, strict) === 'error' && findingPackage(finding) === null,
  )
    ? 1
    : 0;
}

/**
 * `3 findings: 1 error, 1 warning, 1 info` (severities as counted under `strict`), or
 * `no findings`. Pure.
 */
export function formatLintSummary(findings: readonly LintFinding[], strict: boolean): string {
  if (findings.length === 0) return 'no findings';
  const tally: Record<LintSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) tally[effectiveSeverity(finding, strict)] += 1;
  const part = (value: number, one: string, many: string) => `${value} ${value === 1 ? one : many}`;
  return (
    `${part(findings.length, 'finding', 'findings')}: ${part(tally.error, 'error', 'errors')}, ` +
    `${part(tally.warning, 'warning', 'warnings')}, ${part(tally.info, 'info', 'infos')}`
  );
}
