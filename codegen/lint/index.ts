/**
 * Lint checks over the compiler's model: findings with a stable code, a severity, a
 * source location and a message saying what is wrong and how to fix it; formatting as
 * `path:line:col: severity CODE [Policy/Rule]: message`; and the exit status under
 * `--strict`. Everything public is listed here by name.
 */
export { formatFinding, effectiveSeverity, type FindingFormatOptions } from './format-finding.ts';
export { findingPackage, installedPackageOf } from './installed-package.ts';
export { isGlobalPolicy } from './is-global-policy.ts';
export { lintExitCode, formatLintSummary } from './lint-exit-code.ts';
export { LINT_CODES, type LintCode, type LintFinding, type LintSeverity } from './lint-finding.ts';
export { lintPolicy, lintProject } from './lint-project.ts';
