/**
 * `assertMatrixMatchesPolicy`: the check a project puts in its own suite to catch a
 * policy edited without regenerating its matrix. It compares the compiled matrix with
 * the policy's dynamic filter (Prefect's `compile_transition_rules`) in every cell.
 */
import type { CompiledPolicy } from '../compiled-policy.ts';
import type { PolicyClass } from '../orchestration-policy.ts';
import type { RuleClass } from '../rule-class.ts';
import type { StateName } from '../state-type.ts';

/**
 * Returns when `matrix` is `policy`'s compiled matrix and lists, for every `(from, to)`
 * of the policy's universe, exactly the rules `policy.compileTransitionRules(from, to)`
 * gives, in the same order. Otherwise throws an `Error` that names the policy, each
 * differing cell with both rule lists (or the differing state lists), and how to fix
 * it. Uses no test framework: call it from any runner.
 */
export function assertMatrixMatchesPolicy(matrix: CompiledPolicy, policy: PolicyClass): void {
  const regenerate = 'Regenerate it (npx policy-matrix generate) and commit the result.';
  if (matrix.name !== policy.name) {
    throw new Error(
      `The matrix ${matrix.name} was checked against policy ${policy.name}: pass the matrix generated from ${policy.name} (${policy.name}Matrix).`,
    );
  }
  const universe: (StateName | null)[] = [...(policy.STATES ?? defaultStates(policy)), null];
  if (!sameList(matrix.states, universe)) {
    throw new Error(
      `The matrix of ${policy.name} is stale: its states are ${showStates(matrix.states)}, ` +
        `the policy's are ${showStates(universe)}. ${regenerate}`,
    );
  }
  const differences: string[] = [];
  for (const from of universe) {
    for (const to of universe) {
      const expected = policy.compileTransitionRules(from, to);
      const actual = matrix.rules(from, to);
      if (!sameList(actual, expected)) {
        differences.push(
          `  ${show(from)} → ${show(to)}: matrix ${names(actual)}, policy ${names(expected)}`,
        );
      }
    }
  }
  if (differences.length > 0) {
    // "in 1 of 16 cells": the noun counts the cells compared, not the ones that differ.
    const compared = universe.length ** 2;
    throw new Error(
      `The matrix of ${policy.name} differs from the policy in ${differences.length} of ` +
        `${compared} ${compared === 1 ? 'cell' : 'cells'}:\n${differences.join('\n')}\n${regenerate}`,
    );
  }
}

/** The universe of a policy that declares no `STATES`: `stateTypes()` on an `OrchestrationPolicy`. */
function defaultStates(policy: PolicyClass): readonly StateName[] {
  const withTypes = policy as PolicyClass & { stateTypes?: () => readonly StateName[] };
  if (typeof withTypes.stateTypes === 'function') return withTypes.stateTypes();
  throw new TypeError(
    `Policy ${policy.name} declares no STATES and has no stateTypes(): extend OrchestrationPolicy.`,
  );
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function show(state: StateName | null): string {
  return state === null ? 'null' : state;
}

function showStates(states: readonly (StateName | null)[]): string {
  return `[${states.map(show).join(', ')}]`;
}

function names(rules: readonly RuleClass[]): string {
  return `[${rules.map((rule) => rule.name).join(', ')}]`;
}
