/**
 * Rule classes whose hooks are known to read, never write, what they receive.
 *
 * Every hook of an ordinary rule gets fresh copies of the initial, proposed and
 * validated states and of the context, so that assigning on them never reaches the
 * real ones; on a real transition those copies are most of what a rule costs. A rule
 * whose hooks never assign on their arguments (nor on anything reached through them
 * other than the run and the store, which are shared anyway), never keep them past the
 * hook, and never read them back after one of their own mutation methods changed the
 * transition, behaves identically with the real objects, and needs no copies.
 *
 * The bundled Orion rules are declared here, each after review; the declaration is
 * internal (not part of the public API) and holds for the exact class only: a subclass,
 * which may override a hook, gets copies again.
 */
import type { RuleClass } from './rule-class.ts';

const declared = new WeakSet<RuleClass>();

/** Declares that the hooks of exactly `Rule` only read their arguments (see above). */
export function declareReadOnlyHooks(Rule: RuleClass): void {
  declared.add(Rule);
}

/** True when `Rule` itself (not a superclass) was declared with `declareReadOnlyHooks`. */
export function hasReadOnlyHooks(Rule: unknown): boolean {
  return declared.has(Rule as RuleClass);
}
