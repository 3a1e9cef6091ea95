/**
 * PM102 (warning): a rule listed more than once in one priority list. Every cell it
 * fires in then holds it once per listing: it is entered again inside itself and its
 * hooks run once per listing on every such transition, which is almost never meant.
 * Reported at the policy, whose `priority()` is what to fix.
 */
import type { PolicyModel } from '../model/policy-model.ts';
import { plainName } from '../text/escape.ts';
import { lintFinding, type LintFinding } from './lint-finding.ts';
import { nameList } from './name-list.ts';

/** The PM102 findings of `policy`, one per repeated rule, in order of first listing. Pure. */
export function findDuplicatePriorityEntries(policy: PolicyModel): LintFinding[] {
  const findings: LintFinding[] = [];
  policy.rules.forEach((rule, index) => {
    const positions = policy.priority.flatMap((listed, position) =>
      listed === index ? [position + 1] : [],
    );
    if (positions.length < 2) return;
    findings.push(
      lintFinding('PM102', {
        location: policy.location,
        policy: policy.name,
        rule: rule.name,
        message:
          `${plainName(rule.name)} is listed ${positions.length} times in ${plainName(policy.name)}.priority() ` +
          `(positions ${nameList(positions.map(String))}): every transition it fires for enters it ` +
          `${positions.length} times, nested inside itself, so its hooks run ${positions.length} times. ` +
          'Keep only the entry at the position where it should run.',
      }),
    );
  });
  return findings;
}
