/**
 * PM104 (info): states of a non-global policy's state set that no rule of the policy
 * mentions specifically in FROM_STATES or TO_STATES. Transitions from or to such a
 * state are governed only by rules that cover every state, which is often fine but
 * easy to miss when a state is added to a policy's `STATES`.
 *
 * "Mentions specifically": a FROM or TO set that holds the policy's entire universe
 * (every state and null) mentions nothing specific. This covers universal transforms
 * (their `ANY_STATE` sets evaluate to the whole universe; the model cannot tell them
 * from sets spelled out in full) and rules such as `CacheRetrieval`, whose FROM is the
 * whole universe. `null` is not part of a policy's state set and is not checked.
 * Global policies (only transforms) are skipped: they mention nothing by design.
 * Reported once per policy, at the policy.
 */
import type { PolicyModel } from '../model/policy-model.ts';
import { plainName, stringLiteral } from '../text/escape.ts';
import { isGlobalPolicy } from './is-global-policy.ts';
import { lintFinding, type LintFinding } from './lint-finding.ts';
import { nameList } from './name-list.ts';

/** The PM104 finding of `policy`, if any state goes unmentioned. Pure. */
export function findUnmentionedStates(policy: PolicyModel): LintFinding[] {
  if (isGlobalPolicy(policy)) return [];
  const universe = policy.states.length;
  const mentioned = new Set<string | null>();
  for (const rule of policy.rules) {
    for (const set of [rule.from, rule.to]) {
      if (set.length < universe) for (const state of set) mentioned.add(state);
    }
  }
  const unmentioned = policy.states.filter(
    (state): state is string => state !== null && !mentioned.has(state),
  );
  if (unmentioned.length === 0) return [];
  const names = nameList(unmentioned.map(stringLiteral), 10);
  const plural = unmentioned.length > 1;
  return [
    lintFinding('PM104', {
      location: policy.location,
      policy: policy.name,
      message:
        `No rule of ${plainName(policy.name)} mentions ${plural ? 'the states' : 'the state'} ${names} ` +
        'in FROM_STATES or TO_STATES: transitions from or to ' +
        `${plural ? 'them' : 'it'} are governed only by rules that cover every state. If that is intended, ` +
        `nothing needs to change; otherwise add ${plural ? 'them' : 'it'} to the FROM_STATES or TO_STATES of ` +
        `the rules that should handle ${plural ? 'them' : 'it'}, or drop ${plural ? 'them' : 'it'} from the policy's STATES.`,
    }),
  ];
}
