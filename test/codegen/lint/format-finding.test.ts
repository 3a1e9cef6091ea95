import { describe, expect, it } from 'vitest';
import { effectiveSeverity, formatFinding } from '../../../codegen/lint/format-finding.ts';
import { formatLintSummary, lintExitCode } from '../../../codegen/lint/lint-exit-code.ts';
import type { LintFinding } from '../../../codegen/lint/lint-finding.ts';

const warning: LintFinding = {
  code: 'PM102',
  severity: 'warning',
  location: { file: 'src/policies/ticket-policy.ts', line: 9, column: 14 },
  policy: 'TicketPolicy',
  rule: 'Guard',
  message: 'Guard is listed 2 times.',
};
const info: LintFinding = {
  code: 'PM104',
  severity: 'info',
  location: { file: 'src/policies/ticket-policy.ts', line: 9, column: 14 },
  policy: 'TicketPolicy',
  message: 'No rule mentions LOST.',
};
const error: LintFinding = { ...warning, severity: 'error' };

describe(formatFinding.name, () => {
  it('writes path:line:col: severity CODE [Policy/Rule]: message', () => {
    expect(formatFinding(warning)).toBe(
      'src/policies/ticket-policy.ts:9:14: warning PM102 [TicketPolicy/Guard]: Guard is listed 2 times.',
    );
  });

  it('names only the policy for a policy-wide finding', () => {
    expect(formatFinding(info)).toBe(
      'src/policies/ticket-policy.ts:9:14: info PM104 [TicketPolicy]: No rule mentions LOST.',
    );
  });

  it('shows warnings as errors under --strict, and leaves infos alone', () => {
    expect(formatFinding(warning, { strict: true })).toContain(
      ': error PM102 [TicketPolicy/Guard]: ',
    );
    expect(formatFinding(info, { strict: true })).toContain(': info PM104 ');
    expect(effectiveSeverity(warning, false)).toBe('warning');
  });
});

describe(lintExitCode.name, () => {
  it('fails on errors, and on warnings only under --strict; never on infos', () => {
    expect(lintExitCode([], true)).toBe(0);
    expect(lintExitCode([info], true)).toBe(0);
    expect(lintExitCode([warning, info], false)).toBe(0);
    expect(lintExitCode([warning, info], true)).toBe(1);
    expect(lintExitCode([error], false)).toBe(1);
  });
});

describe(formatLintSummary.name, () => {
  it('counts findings by the severity they count as', () => {
    expect(formatLintSummary([], false)).toBe('no findings');
    expect(formatLintSummary([warning, info], false)).toBe(
      '2 findings: 0 errors, 1 warning, 1 info',
    );
    expect(formatLintSummary([warning, warning, info, info], true)).toBe(
      '4 findings: 2 errors, 0 warnings, 2 infos',
    );
  });
});
