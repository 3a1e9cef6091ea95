import { describe, expect, it } from 'vitest';
import { findTransformsBeforeRules } from '../../../codegen/lint/find-transforms-before-rules.ts';
import { isGlobalPolicy } from '../../../codegen/lint/is-global-policy.ts';
import { buildPolicyModel, type RuleSpec } from '../report/build-policy-model.ts';

const location = { file: 'src/policies/task-policy.ts', line: 12, column: 14 };
const rules: RuleSpec[] = [
  { name: 'Release', kind: 'transform', from: 'any', to: 'any' },
  { name: 'Stamp', kind: 'transform', from: 'any', to: 'any' },
  { name: 'Guard', from: ['QUEUED'], to: ['DONE'] },
  { name: 'Finish', from: ['QUEUED'], to: ['DONE'] },
];
const policy = (...priority: string[]) =>
  buildPolicyModel({ name: 'TaskPolicy', location, states: ['QUEUED', 'DONE'], rules, priority });

describe(findTransformsBeforeRules.name, () => {
  it('reports a transform listed before ordinary rules, explaining that it fires regardless of them', () => {
    expect(findTransformsBeforeRules(policy('Release', 'Guard', 'Finish', 'Guard'))).toEqual([
      {
        code: 'PM103',
        severity: 'warning',
        location,
        policy: 'TaskPolicy',
        rule: 'Release',
        message:
          'Universal transform Release is listed at position 1 of TaskPolicy.priority(), before the rules Guard and Finish. ' +
          'A universal transform fires regardless of their outcome (it ignores invalid and fizzled rules): its before hook ' +
          'runs before they can reject or change the proposed state, and its after hook runs even when they fizzle. ' +
          'List it after the last ordinary rule, or move it to a global policy (a policy that lists only transforms).',
      },
    ]);
  });

  it('names the single rule that follows in the singular', () => {
    expect(findTransformsBeforeRules(policy('Guard', 'Stamp', 'Finish'))[0]!.message).toContain(
      'is listed at position 2 of TaskPolicy.priority(), before the rule Finish.',
    );
  });

  it('accepts transforms listed after the last ordinary rule, as CoreTaskPolicy lists ReleaseTaskConcurrencySlots', () => {
    expect(findTransformsBeforeRules(policy('Guard', 'Finish', 'Release', 'Stamp'))).toEqual([]);
  });

  it('does not apply to global policies, whose priority lists hold only transforms', () => {
    expect(isGlobalPolicy(policy('Stamp', 'Release'))).toBe(true);
    expect(isGlobalPolicy(policy())).toBe(true);
    expect(isGlobalPolicy(policy('Stamp', 'Guard'))).toBe(false);
    expect(findTransformsBeforeRules(policy('Stamp', 'Release'))).toEqual([]);
  });
});
