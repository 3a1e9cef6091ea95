/**
 * Findings in the policies of an installed package: summarised in one line naming the
 * package, never listed, never failing the run.
 */
import { describe, expect, it } from 'vitest';
import { formatLintOutput } from '../../../codegen/cli/lint-output.ts';
import { installedPackageOf } from '../../../codegen/lint/installed-package.ts';
import { lintExitCode } from '../../../codegen/lint/lint-exit-code.ts';
import type { LintFinding } from '../../../codegen/lint/lint-finding.ts';

const own: LintFinding = {
  code: 'PM102',
  severity: 'warning',
  location: { file: 'src/policies.ts', line: 9, column: 14 },
  policy: 'MyTaskPolicy',
  rule: 'Guard',
  message: 'Guard is listed 2 times.',
};
const packaged = (file: string, severity: LintFinding['severity'] = 'info'): LintFinding => ({
  code: severity === 'info' ? 'PM104' : 'PM101',
  severity,
  location: { file, line: 1, column: 1 },
  policy: 'CoreFlowPolicy',
  message: 'No rule mentions LATE.',
});
const PRESET = 'node_modules/policy-matrix/dist/orion/policies/core-flow-policy.d.ts';
const SUMMARY =
  "lint: policy-matrix (installed package): 1 finding (0 errors, 0 warnings, 1 info) in its policies, not listed: they are the package's to fix and never fail this project's lint (leave its policies out with `exclude` in the config to skip them).";

describe(installedPackageOf.name, () => {
  it.each([
    [PRESET, 'policy-matrix'],
    ['/app/node_modules/@acme/rules/dist/a.d.ts', '@acme/rules'],
    ['C:\\app\\node_modules\\pkg\\node_modules\\inner\\x.ts', 'inner'],
    ['src/policies.ts', null],
    ['node_modules/', null],
  ])('reads the package of %s as %s', (file, expected) => {
    expect(installedPackageOf(file)).toBe(expected);
  });
});

describe('lint output with findings in an installed package', () => {
  it('summarises them in one line naming the package, and lists only the project’s own', () => {
    expect(formatLintOutput([own, packaged(PRESET)], false)).toEqual([
      'src/policies.ts:9:14: warning PM102 [MyTaskPolicy/Guard]: Guard is listed 2 times.',
      SUMMARY,
      'lint: 1 finding: 0 errors, 1 warning, 0 infos.',
    ]);
  });

  it('prints only the package line from generate and check when the project has no findings', () => {
    expect(formatLintOutput([packaged(PRESET)], false)).toEqual([SUMMARY]);
    expect(formatLintOutput([packaged(PRESET)], true, true)).toEqual([
      SUMMARY,
      'lint: no findings.',
    ]);
  });

  it('never fails on them, even under --strict', () => {
    const warning = packaged(PRESET, 'warning');
    expect(lintExitCode([warning], true)).toBe(0);
    expect(lintExitCode([warning, own], true)).toBe(1);
  });
});
