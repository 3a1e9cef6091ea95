/**
 * PM103 (warning): a universal transform listed before ordinary rules in a non-global
 * policy (see `isGlobalPolicy`). Its position looks like it gates or is gated by those
 * rules, but it does not: a transform ignores validity and fizzling and fires
 * regardless of their outcome (as Prefect's universal transforms do). Listed early, its before hook
 * runs before those rules can reject or change the proposed state, and its after hook
 * runs even when they fizzle. Listing it after the last ordinary rule (as the
 * reference CoreTaskPolicy does with ReleaseTaskConcurrencySlots) makes the order say
 * what happens. Reported at the policy, whose `priority()` is what to fix.
 */
import type { PolicyModel } from '../model/policy-model.ts';
import { plainName } from '../text/escape.ts';
import { isGlobalPolicy } from './is-global-policy.ts';
import { lintFinding, type LintFinding } from './lint-finding.ts';
import { nameList } from './name-list.ts';

/** The PM103 findings of `policy`, one per transform, in order of first listing. Pure. */
export function findTransformsBeforeRules(policy: PolicyModel): LintFinding[] {
  if (isGlobalPolicy(policy)) return [];
  const isRule = (index: number) => policy.rules[index]?.kind === 'rule';
  const lastRule = policy.priority.findLastIndex(isRule);
  const findings: LintFinding[] = [];
  policy.rules.forEach((transform, index) => {
    if (transform.kind !== 'transform') return;
    const first = policy.priority.indexOf(index);
    if (first < 0 || first > lastRule) return;
    const later = policy.priority
      .slice(first + 1)
      .filter(isRule)
      .map((rule) => plainName(policy.rules[rule]?.name ?? ''));
    const rules = [...new Set(later)];
    findings.push(
      lintFinding('PM103', {
        location: policy.location,
        policy: policy.name,
        rule: transform.name,
        message:
          `Universal transform ${plainName(transform.name)} is listed at position ${first + 1} of ` +
          `${plainName(policy.name)}.priority(), before the ${rules.length === 1 ? 'rule' : 'rules'} ${nameList(rules, 3)}. ` +
          'A universal transform fires regardless of their outcome (it ignores invalid and fizzled rules): ' +
          'its before hook runs before they can reject or change the proposed state, and its after hook ' +
          'runs even when they fizzle. List it after the last ordinary rule, or move it to a global policy ' +
          '(a policy that lists only transforms).',
      }),
    );
  });
  return findings;
}
