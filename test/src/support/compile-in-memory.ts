/**
 * An in-memory stand-in for a generated module: builds the `CompiledPolicy` of a
 * policy class from its dynamic filter, interning equal cells the way the compiler
 * does, so runtime tests need not depend on codegen/.
 */
import {
  defineCompiledPolicy,
  throwUnknownState,
  type CompiledPolicy,
  type PolicyClass,
  type RuleClass,
  type StateName,
} from '../../../src/index.ts';

/** `policy` as a `CompiledPolicy`; `indexer: 'switch'` mimics a generated state indexer. */
export function compileInMemory(
  policy: PolicyClass & { universe(): readonly (StateName | null)[] },
  options: { indexer?: 'map' | 'switch' } = {},
): CompiledPolicy {
  const states = policy.universe();
  const interned = new Map<string, readonly RuleClass[]>();
  const ids = new Map<RuleClass, number>();
  const cells: (readonly RuleClass[])[] = [];
  for (const from of states) {
    for (const to of states) {
      const rules = policy.compileTransitionRules(from, to);
      const key = rules
        .map((rule) => {
          if (!ids.has(rule)) ids.set(rule, ids.size);
          return ids.get(rule);
        })
        .join(',');
      if (!interned.has(key)) interned.set(key, Object.freeze(rules));
      cells.push(interned.get(key)!);
    }
  }
  if (options.indexer !== 'switch')
    return defineCompiledPolicy({ name: policy.name, states, cells });
  // Like generated code: a lookup verified by one comparison, else the shared error.
  const table = new Map(states.map((state, index) => [state, index]));
  const code = (state: StateName | null): number => {
    const index = table.get(state);
    if (index === undefined || states[index] !== state)
      throwUnknownState(policy.name, state, states);
    return index;
  };
  return defineCompiledPolicy({ name: policy.name, states, code, cells });
}
