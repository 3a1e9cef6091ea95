import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../../codegen/lint/format-finding.ts';
import { lintExitCode } from '../../../codegen/lint/lint-exit-code.ts';
import { LINT_CODES } from '../../../codegen/lint/lint-finding.ts';
import { lintPolicy, lintProject } from '../../../codegen/lint/lint-project.ts';
import {
  CoreFlowPolicy,
  CoreTaskPolicy,
  GlobalFlowPolicy,
  GlobalTaskPolicy,
  MinimalFlowPolicy,
  MinimalTaskPolicy,
} from '../../../src/orion/index.ts';
import { buildPolicyModel } from '../report/build-policy-model.ts';
import { modelOfPolicyClass } from '../report/model-of-policy-class.ts';

const sloppy = buildPolicyModel({
  name: 'SloppyPolicy',
  location: { file: 'src/policies/sloppy-policy.ts', line: 5, column: 14 },
  states: ['QUEUED', 'DONE', 'LOST'],
  rules: [
    { name: 'Stamp', kind: 'transform', from: 'any', to: 'any' },
    { name: 'Guard', from: ['QUEUED'], to: ['DONE'] },
    { name: 'Forgotten', from: [], to: [] },
  ],
  priority: ['Stamp', 'Guard', 'Forgotten', 'Guard'],
});

describe(lintPolicy.name, () => {
  it('reports by code, then in priority order', () => {
    expect(lintPolicy(sloppy).map((finding) => `${finding.code} ${finding.rule ?? '-'}`)).toEqual([
      'PM101 Forgotten',
      'PM102 Guard',
      'PM103 Stamp',
      'PM104 -',
    ]);
  });

  it('gives every finding the severity of its code', () => {
    for (const finding of lintPolicy(sloppy))
      expect(finding.severity).toBe(LINT_CODES[finding.code].severity);
  });
});

describe(lintProject.name, () => {
  it('finds only one note in the bundled Orion policies: no core task rule mentions PAUSED specifically', () => {
    const policies = [
      CoreFlowPolicy,
      CoreTaskPolicy,
      GlobalFlowPolicy,
      GlobalTaskPolicy,
      MinimalFlowPolicy,
      MinimalTaskPolicy,
    ];
    const findings = lintProject({ policies: policies.map(modelOfPolicyClass) });
    expect(findings.map((finding) => formatFinding(finding))).toEqual([
      'src/policies/core-task-policy.ts:10:14: info PM104 [CoreTaskPolicy]: No rule of CoreTaskPolicy mentions the state "PAUSED" ' +
        'in FROM_STATES or TO_STATES: transitions from or to it are governed only by rules that cover every state. ' +
        'If that is intended, nothing needs to change; otherwise add it to the FROM_STATES or TO_STATES of the rules ' +
        "that should handle it, or drop it from the policy's STATES.",
    ]);
    expect(lintExitCode(findings, true)).toBe(0);
  });

  it('lists findings policy by policy, in project order', () => {
    const other = { ...sloppy, name: 'OtherPolicy' };
    expect(lintProject({ policies: [sloppy, other] }).map((finding) => finding.policy)).toEqual([
      ...Array(4).fill('SloppyPolicy'),
      ...Array(4).fill('OtherPolicy'),
    ]);
  });
});
