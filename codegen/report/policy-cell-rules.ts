/**
 * The rule indices of every cell of a policy, resolved from the model's interned
 * table, after checking that the model is internally consistent. Every report, lint
 * and diff reads cells through this, so a malformed model fails loudly in one place.
 */
import type { PolicyModel } from '../model/policy-model.ts';

/**
 * For each flat row-major cell (`from * states.length + to`), the indices into
 * `policy.rules` of the rules that fire there, in priority order (a rule listed twice
 * appears twice). The returned arrays are the model's own `distinctCells` entries, so
 * equal cells share one array. Pure.
 *
 * Throws a `TypeError` naming the policy and the inconsistency when the cell table
 * does not have `states.length ** 2` entries or an index is out of range: the model
 * comes from the compiler's read step, so that is a compiler bug to report.
 */
export function policyCellRules(policy: PolicyModel): readonly (readonly number[])[] {
  const size = policy.states.length;
  const problem = (what: string) =>
    new TypeError(
      `Policy model ${policy.name} is inconsistent: ${what}. ` +
        'The model is produced by the read step; regenerate it, and report a compiler bug if this persists.',
    );
  if (size === 0 || policy.states[size - 1] !== null) {
    throw problem('its states must end with null (the universe is the state set, then null)');
  }
  if (policy.cells.length !== size * size) {
    throw problem(`it has ${policy.cells.length} cells but ${size} states need ${size * size}`);
  }
  policy.distinctCells.forEach((cell, cellIndex) => {
    for (const rule of cell) {
      if (!Number.isInteger(rule) || rule < 0 || rule >= policy.rules.length) {
        throw problem(
          `distinct cell ${cellIndex} names rule ${rule}, but there are ${policy.rules.length} rules`,
        );
      }
    }
  });
  for (const position of policy.priority) {
    if (!Number.isInteger(position) || position < 0 || position >= policy.rules.length) {
      throw problem(
        `its priority list names rule ${position}, but there are ${policy.rules.length} rules`,
      );
    }
  }
  return policy.cells.map((distinct, flat) => {
    const cell = policy.distinctCells[distinct];
    if (cell === undefined) {
      throw problem(
        `cell ${flat} names distinct cell ${distinct}, but there are ${policy.distinctCells.length}`,
      );
    }
    return cell;
  });
}
