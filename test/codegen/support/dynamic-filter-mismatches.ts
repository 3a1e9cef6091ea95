/**
 * The differential oracle: compares a compiled matrix with its policy's dynamic filter
 * (`compileTransitionRules`, Prefect's algorithm) on every cell, and its state indexer
 * on every state. Returns a description of each mismatch; empty means identical.
 */
import type { CompiledPolicy, PolicyClass, RuleClass } from '../../../src/index.ts';

export function dynamicFilterMismatches(compiled: CompiledPolicy, policy: PolicyClass): string[] {
  const mismatches: string[] = [];
  const universe = [
    ...(policy.STATES ?? (policy as unknown as { stateTypes(): string[] }).stateTypes()),
    null,
  ];
  const show = (s: string | null): string => (s === null ? 'null' : JSON.stringify(s));
  const names = (rules: readonly RuleClass[]): string => `[${rules.map((r) => r.name).join(', ')}]`;
  if (compiled.name !== policy.name) mismatches.push(`name ${compiled.name} ≠ ${policy.name}`);
  if (
    compiled.states.length !== universe.length ||
    compiled.states.some((s, i) => s !== universe[i])
  ) {
    mismatches.push(
      `states [${compiled.states.map(show).join(', ')}] ≠ [${universe.map(show).join(', ')}]`,
    );
    return mismatches;
  }
  universe.forEach((state, index) => {
    if (compiled.code(state) !== index)
      mismatches.push(`code(${show(state)}) = ${compiled.code(state)}, expected ${index}`);
  });
  for (const from of universe) {
    for (const to of universe) {
      const expected = policy.compileTransitionRules(from, to);
      const actual = compiled.rules(from, to);
      if (actual !== compiled.at(compiled.code(from), compiled.code(to))) {
        mismatches.push(`rules(${show(from)}, ${show(to)}) is not at(code(from), code(to))`);
      }
      if (!Object.isFrozen(actual))
        mismatches.push(`cell ${show(from)} → ${show(to)} is not frozen`);
      if (actual.length !== expected.length || actual.some((rule, i) => rule !== expected[i])) {
        mismatches.push(
          `${show(from)} → ${show(to)}: ${names(actual)}, dynamic filter ${names(expected)}`,
        );
      }
    }
  }
  return mismatches;
}
