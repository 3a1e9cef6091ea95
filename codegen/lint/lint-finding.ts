/**
 * What a lint check reports, and the table of checks: every code with its severity
 * and a one-line summary, taken from the diagnostics catalogue (`PM1xx` is reserved for
 * lint). Codes are stable; the severity of a finding is always its code's severity.
 */
import { DIAGNOSTICS, type LintCode } from '../problem/diagnostics.ts';
import type { SourceLocation } from '../model/policy-model.ts';

export type LintSeverity = 'error' | 'warning' | 'info';
export type { LintCode };

/** The lint codes and what each one means (the catalogue's lint entries). */
export const LINT_CODES: {
  readonly [C in LintCode]: { severity: (typeof DIAGNOSTICS)[C]['severity']; summary: string };
} = {
  PM101: lintEntry('PM101'),
  PM102: lintEntry('PM102'),
  PM103: lintEntry('PM103'),
  PM104: lintEntry('PM104'),
};

function lintEntry<C extends LintCode>(
  code: C,
): { severity: (typeof DIAGNOSTICS)[C]['severity']; summary: string } {
  return { severity: DIAGNOSTICS[code].severity, summary: DIAGNOSTICS[code].title };
}

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
