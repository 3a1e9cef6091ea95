/**
 * `declareReadOnlyHooks`: the opt-in for rules whose hooks only read what they receive.
 *
 * Every hook of an ordinary rule gets fresh copies of the initial, proposed and
 * validated states and of the context, so that assigning on them never reaches the
 * real ones; on a real transition those copies are most of what a rule costs. A rule
 * whose hooks never assign on their arguments (nor on anything reached through them
 * other than the run and what a context subclass shares, such as a store session,
 * which are shared anyway), never keep them past the hook, and never read them back
 * after one of their own mutation methods changed the transition, behaves identically
 * with the real objects, and needs no copies.
 *
 * The declaration holds for the exact class only: a subclass, which may override a
 * hook, gets copies again unless it is declared too. It may be made at any time (the
 * next transition honours it), usually right after the class. The bundled Orion rules
 * are declared, each after review.
 */
import type { RuleClass } from './rule-class.ts';

/** Per class, a cell the orchestration loop's per-class code reads on every hook call. */
export interface ReadOnlyCell {
  value: boolean;
}

const cells = new WeakMap<RuleClass, ReadOnlyCell>();

/**
 * Declares that the hooks of exactly `Rule` (an `OrchestrationRule` subclass) only
 * read their arguments, so that they receive the real states and context instead of
 * copies. Breaking that promise (assigning on an argument) changes the real
 * transition, where a copy would have dropped the assignment. Transforms always
 * receive the real context; declaring one changes nothing.
 */
export function declareReadOnlyHooks(Rule: RuleClass): void {
  readOnlyCell(Rule).value = true;
}

/** True when `Rule` itself (not a superclass) was declared with `declareReadOnlyHooks`. */
export function hasReadOnlyHooks(Rule: unknown): boolean {
  return cells.get(Rule as RuleClass)?.value === true;
}

/**
 * The cell recording whether `Rule` was declared, created on first request, so that
 * code built for the class once sees a declaration made later. Internal.
 */
export function readOnlyCell(Rule: RuleClass): ReadOnlyCell {
  let cell = cells.get(Rule);
  if (cell === undefined) {
    cell = { value: false };
    cells.set(Rule, cell);
  }
  return cell;
}
