/**
 * Test support: builds a consistent `PolicyModel` from rule FROM/TO sets and a
 * priority list, the way the compiler's model step does (the dynamic filter run on
 * every cell, equal cells interned in order of first appearance). Lets tests and
 * fixtures describe policies by their rules instead of by 100-entry cell tables.
 */
import type {
  PolicyModel,
  RuleModel,
  SourceLocation,
} from '../../../codegen/model/policy-model.ts';

export interface RuleSpec {
  name: string;
  kind?: 'rule' | 'transform';
  /** Member states (any order; kept in universe order), or `any` for the whole universe. */
  from: readonly (string | null)[] | 'any';
  to: readonly (string | null)[] | 'any';
  location?: SourceLocation;
}

export interface PolicySpec {
  name: string;
  location?: SourceLocation;
  /** The state set, without `null` (it is appended). */
  states: readonly string[];
  rules: readonly RuleSpec[];
  /** Rule names in priority order; a name may repeat. */
  priority: readonly string[];
}

/** The model of `spec`. Throws when the priority list names an unknown rule. */
export function buildPolicyModel(spec: PolicySpec): PolicyModel {
  const states: (string | null)[] = [...spec.states, null];
  const kebab = spec.name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const rules: RuleModel[] = [];
  const priority = spec.priority.map((name) => {
    const known = rules.findIndex((rule) => rule.name === name);
    if (known >= 0) return known;
    const rule = spec.rules.find((candidate) => candidate.name === name);
    if (rule === undefined)
      throw new Error(`buildPolicyModel: ${spec.name} lists unknown rule ${name}.`);
    const members = (set: RuleSpec['from']) =>
      set === 'any' ? states : states.filter((state) => set.includes(state));
    rules.push({
      name,
      exportName: name,
      location: rule.location ?? { file: `src/rules/${name}.ts`, line: 3, column: 14 },
      kind: rule.kind ?? 'rule',
      from: members(rule.from),
      to: members(rule.to),
      module: 'src/index.ts',
    });
    return rules.length - 1;
  });
  const distinctCells: number[][] = [];
  const interned = new Map<string, number>();
  const cells: number[] = [];
  for (const from of states) {
    for (const to of states) {
      const cell = priority.filter(
        (index) => rules[index]!.from.includes(from) && rules[index]!.to.includes(to),
      );
      const key = cell.join(',');
      let distinct = interned.get(key);
      if (distinct === undefined) {
        distinct = distinctCells.length;
        interned.set(key, distinct);
        distinctCells.push(cell);
      }
      cells.push(distinct);
    }
  }
  const location = spec.location ?? { file: `src/policies/${kebab}.ts`, line: 10, column: 14 };
  const sources = [...new Set([location.file, ...rules.map((rule) => rule.location.file)])].sort(
    (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  return {
    name: spec.name,
    exportName: spec.name,
    location,
    states,
    rules,
    priority,
    distinctCells,
    cells,
    inputsHash: 'sha256:fixture',
    module: 'src/index.ts',
    sources,
  };
}
