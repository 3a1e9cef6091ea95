/**
 * Runs every lint check over a project. The checks are pure functions of the model,
 * listed here in code order; adding a check means adding its code to the diagnostics
 * catalogue (`codegen/problem/diagnostics.ts`) and to `LINT_CODES`, a section to
 * docs/diagnostics.md, and a line below.
 */
import type { PolicyModel, ProjectModel } from '../model/policy-model.ts';
import { findDuplicatePriorityEntries } from './find-duplicate-priority-entries.ts';
import { findTransformsBeforeRules } from './find-transforms-before-rules.ts';
import { findUnmentionedStates } from './find-unmentioned-states.ts';
import { findUnreachableRules } from './find-unreachable-rules.ts';
import type { LintCode, LintFinding } from './lint-finding.ts';

const CHECKS: Readonly<Record<LintCode, (policy: PolicyModel) => LintFinding[]>> = {
  PM101: findUnreachableRules,
  PM102: findDuplicatePriorityEntries,
  PM103: findTransformsBeforeRules,
  PM104: findUnmentionedStates,
};

/**
 * The findings of one policy: by code, then in priority order within a code. Pure;
 * throws a `TypeError` when the model is inconsistent (see `policyCellRules`).
 */
export function lintPolicy(policy: PolicyModel): LintFinding[] {
  return (Object.keys(CHECKS) as LintCode[]).sort().flatMap((code) => CHECKS[code](policy));
}

/** The findings of every policy, in the project's policy order (by name). Pure. */
export function lintProject(project: ProjectModel): LintFinding[] {
  return project.policies.flatMap(lintPolicy);
}
