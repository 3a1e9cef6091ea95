/**
 * The model step: from the read step's plain data to the `ProjectModel`. Pure. Builds
 * each policy's full `(states ∪ {null})²` cell table, each cell the rules whose FROM
 * set holds `from` and TO set holds `to`, in priority order (exactly Prefect's filter,
 * `compileTransitionRules`), with identical cells interned, and the inputs hash.
 */
import { createHash } from 'node:crypto';
import type { ReadPolicy, ReadResult } from '../read/read-result.ts';
import type { PolicyModel, ProjectModel, RuleModel } from './policy-model.ts';

/** The model of every policy read, in the read step's (name) order. */
export function buildProjectModel(read: Pick<ReadResult, 'policies'>): ProjectModel {
  return { policies: read.policies.map(readPolicyModel) };
}

/** One policy's model. */
function readPolicyModel(policy: ReadPolicy): PolicyModel {
  const states: (string | null)[] = [...policy.states, null];
  const size = states.length;
  const rules: RuleModel[] = policy.rules.map((rule) => ({
    name: rule.name,
    exportName: rule.exportName,
    location: { ...rule.location },
    kind: rule.kind,
    from: states.filter((_, i) => rule.from[i] === '1'),
    to: states.filter((_, i) => rule.to[i] === '1'),
    module: rule.module,
  }));

  const distinctCells: number[][] = [];
  const interned = new Map<string, number>();
  const cells: number[] = new Array<number>(size * size);
  for (let f = 0; f < size; f++) {
    const fromRules = policy.priority.filter((r) => policy.rules[r]?.from[f] === '1');
    for (let t = 0; t < size; t++) {
      const cell = fromRules.filter((r) => policy.rules[r]?.to[t] === '1');
      const key = cell.join(',');
      let index = interned.get(key);
      if (index === undefined) {
        index = distinctCells.length;
        interned.set(key, index);
        distinctCells.push(cell);
      }
      cells[f * size + t] = index;
    }
  }

  return {
    name: policy.name,
    exportName: policy.exportName,
    location: { ...policy.location },
    states,
    rules,
    priority: [...policy.priority],
    distinctCells,
    cells,
    inputsHash: inputsHash(policy),
    module: policy.module,
    sources: [...policy.sources],
  };
}

/**
 * sha256 over what the generated module depends on: the policy's own source files
 * (not the runtime's), its states, and each rule's identity and evaluated FROM/TO sets.
 * Machine-independent: project-relative paths, normalised line endings.
 */
function inputsHash(policy: ReadPolicy): string {
  const inputs = {
    policy: [policy.name, policy.exportName, policy.module],
    states: policy.states,
    rules: policy.rules.map((rule) => [
      rule.name,
      rule.exportName,
      rule.module,
      rule.kind,
      rule.from,
      rule.to,
    ]),
    priority: policy.priority,
    sources: policy.sourceDigests,
  };
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex');
}
