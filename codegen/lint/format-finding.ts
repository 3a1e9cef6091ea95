/**
 * One finding as a line a terminal, an editor's problem matcher or CI annotations can
 * parse: `path:line:col: warning PM102 [Policy/Rule]: message`.
 */
import { formatLocation } from '../report/format-location.ts';
import type { LintFinding, LintSeverity } from './lint-finding.ts';

export interface FindingFormatOptions {
  /** Under `--strict`, warnings are shown as the errors they count as. */
  strict?: boolean;
}

/** The severity a finding counts as: a warning is an error under `strict`. Pure. */
export function effectiveSeverity(finding: LintFinding, strict: boolean): LintSeverity {
  return strict && finding.severity === 'warning' ? 'error' : finding.severity;
}

/** `file:line:col: severity CODE [Policy/Rule]: message`, no trailing newline. Pure. */
export function formatFinding(finding: LintFinding, options: FindingFormatOptions = {}): string {
  const subject = finding.rule === undefined ? finding.policy : `${finding.policy}/${finding.rule}`;
  const severity = effectiveSeverity(finding, options.strict ?? false);
  return `${formatLocation(finding.location)}: ${severity} ${finding.code} [${subject}]: ${finding.message}`;
}
