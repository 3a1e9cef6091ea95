/**
 * Which policies count as global. Orion runs two lists per transition: the policy's
 * rules, then the global policy's universal transforms (SetRunStateType, …). A
 * *global policy* is therefore defined here as one whose priority list holds only
 * transforms (an empty list included); every other policy is an ordinary one.
 */
import type { PolicyModel } from '../model/policy-model.ts';

/** True when every entry of `policy`'s priority list is a transform. Pure. */
export function isGlobalPolicy(policy: PolicyModel): boolean {
  return policy.priority.every((index) => policy.rules[index]?.kind === 'transform');
}
