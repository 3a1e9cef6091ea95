/**
 * PM101 (warning): a rule the policy lists that fires in no cell of its matrix, so it
 * never runs. Usually a rule with no FROM_STATES or TO_STATES declared (an
 * `OrchestrationRule` governs no state by default), or one whose states are all
 * outside the policy's state set. Reported at the rule, whose sets are usually what
 * to fix.
 */
import type { PolicyModel } from '../model/policy-model.ts';
import { plainName, plainState } from '../text/escape.ts';
import { policyCellRules } from '../report/policy-cell-rules.ts';
import { lintFinding, type LintFinding } from './lint-finding.ts';
import { nameList } from './name-list.ts';

/** The PM101 findings of `policy`, in priority order. Pure. */
export function findUnreachableRules(policy: PolicyModel): LintFinding[] {
  const cellRules = policyCellRules(policy);
  const universe = nameList(policy.states.map(plainState), 10);
  const findings: LintFinding[] = [];
  policy.rules.forEach((rule, index) => {
    if (cellRules.some((cell) => cell.includes(index))) return;
    const empty = [
      rule.from.length === 0 ? 'FROM_STATES' : '',
      rule.to.length === 0 ? 'TO_STATES' : '',
    ].filter(Boolean);
    const why =
      empty.length === 0
        ? 'the compiled matrix holds it in no cell'
        : `its ${empty.join(' and ')} ${empty.length === 1 ? 'holds' : 'hold'} no state of the policy's universe (${universe})`;
    const fix =
      empty.length === 0
        ? `Regenerate the model; if this persists, report a compiler bug.`
        : `Declare the ${empty.join(' and ')} it should govern (a rule governs no state by default), ` +
          `or remove it from ${plainName(policy.name)}.priority().`;
    findings.push(
      lintFinding('PM101', {
        location: rule.location,
        policy: policy.name,
        rule: rule.name,
        message: `${plainName(rule.name)} fires in no cell of ${plainName(policy.name)}, so it never runs: ${why}. ${fix}`,
      }),
    );
  });
  return findings;
}
