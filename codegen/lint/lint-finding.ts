/**
 * What a lint check reports, and the table of checks: every code with its severity
 * and a one-line summary. Codes are stable (`PM1xx` is reserved for lint); the
 * severity of a finding is always its code's severity.
 */
import type { SourceLocation } from '../model/policy-model.ts';

export type LintSeverity = 'error' | 'warning' | 'info';

/** The lint codes and what each one means. */
export const LINT_CODES = {
  PM101: { severity: 'warning', summary: 'a rule fires in no cell of the policy' },
  PM102: { severity: 'warning', summary: 'a rule is listed more than once in a priority list' },
  PM103: {
    severity: 'warning',
    summary: 'a universal transform is listed before ordinary rules in a non-global policy',
  },
  PM104: {
    severity: 'info',
    summary: "states of the policy's set that no rule mentions specifically",
  },
} as const satisfies Record<string, { severity: LintSeverity; summary: string }>;

export type LintCode = keyof typeof LINT_CODES;

export interface LintFinding {
  code: LintCode;
  severity: LintSeverity;
  /** Where to fix it: the rule's class for rule findings, the policy's class otherwise. */
  location: SourceLocation;
  /** The policy's class name. */
  policy: string;
  /** The rule's class name, when the finding is about one rule. */
  rule?: string;
  /** What is wrong, why it matters, and how to fix it. */
  message: string;
}

/** A finding of `code`, with the code's severity. Pure. */
export function lintFinding(
  code: LintCode,
  fields: Omit<LintFinding, 'code' | 'severity'>,
): LintFinding {
  return { code, severity: LINT_CODES[code].severity, ...fields };
}
