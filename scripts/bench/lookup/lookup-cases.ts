/**
 * The lookup benchmark's cases: six ways of finding the rules of a policy for a (from,
 * to) pair, each run over the same workload of pairs, in ns per lookup:
 *
 * - `raw-array`: a plain flat array indexed by `from * 10 + to` with precomputed codes,
 *   written out by hand: the physical limit of a table lookup. Plain, not frozen: V8
 *   (11.3, Node 20) reads the elements of a frozen array (PACKED_FROZEN_ELEMENTS) in
 *   optimised code through a slower path, about 4× slower in this loop, so a frozen
 *   table would not be the limit;
 * - `generated-code`: the generated module's `at(fromCode, toCode)`, precomputed codes;
 * - `generated-string`: the generated module's `rules(from, to)` from state types;
 * - `nested-map`: `Map<from, Map<to, rules>>`, built once;
 * - `memo-map`: `Map` keyed by the string `${from}->${to}`, built once;
 * - `dynamic-filter`: `compileTransitionRules(from, to)`, Prefect's filter.
 *
 * Every case has its own loop, so the JIT compiles each lookup into its own loop; each
 * loop sums the lengths of the arrays it finds, which the sampler sends to the
 * blackhole. `verifyLookupTables` checks, before anything is timed, that every
 * structure gives the dynamic filter's answer for every pair of the universe.
 */
import type { CompiledPolicy, PolicyClass, RuleClass, StateName } from '../../../src/index.ts';
import type { BenchCase } from '../../../codegen/bench/harness/bench-case.ts';
import type { TransitionPair } from '../workloads/task-lifecycles.ts';

type Rules = readonly RuleClass[];

/** The structures the cases read, built once from a policy and its generated matrix. */
export interface LookupTables {
  policy: PolicyClass;
  matrix: CompiledPolicy;
  /** The raw table, in the matrix's code order: a plain array, deliberately not frozen. */
  raw: Rules[];
  nested: Map<StateName | null, Map<StateName | null, Rules>>;
  memo: Map<string, Rules>;
}

export function buildLookupTables(policy: PolicyClass, matrix: CompiledPolicy): LookupTables {
  const states = matrix.states;
  const raw: Rules[] = [];
  const nested = new Map<StateName | null, Map<StateName | null, Rules>>();
  const memo = new Map<string, Rules>();
  for (const from of states) {
    const row = new Map<StateName | null, Rules>();
    nested.set(from, row);
    for (const to of states) {
      const rules = Object.freeze(policy.compileTransitionRules(from, to));
      raw.push(rules);
      row.set(to, rules);
      memo.set(`${from}->${to}`, rules);
    }
  }
  return { policy, matrix, raw, nested, memo };
}

/** Throws, naming the pair and the structure, when any structure disagrees with the dynamic filter. */
export function verifyLookupTables(tables: LookupTables): void {
  const { policy, matrix, raw, nested, memo } = tables;
  const size = matrix.states.length;
  for (const from of matrix.states) {
    for (const to of matrix.states) {
      const expected = policy
        .compileTransitionRules(from, to)
        .map((r) => r.name)
        .join(', ');
      const found: Record<string, Rules | undefined> = {
        'raw-array': raw[matrix.code(from) * size + matrix.code(to)],
        'generated-code': matrix.at(matrix.code(from), matrix.code(to)),
        'generated-string': matrix.rules(from, to),
        'nested-map': nested.get(from)?.get(to),
        'memo-map': memo.get(`${from}->${to}`),
      };
      for (const [name, rules] of Object.entries(found)) {
        const actual = rules?.map((r) => r.name).join(', ');
        if (actual !== expected) {
          throw new Error(
            `Lookup case ${name} gives [${actual}] for ${from} → ${to}; the dynamic filter of ` +
              `${policy.name} gives [${expected}]. The bench compares only equal answers: regenerate ` +
              '(npm run generate) or fix the table.',
          );
        }
      }
    }
  }
}

/** The six cases over one workload of pairs. */
export function lookupCases(tables: LookupTables, pairs: readonly TransitionPair[]): BenchCase[] {
  const { policy, matrix, raw, nested, memo } = tables;
  const n = pairs.length;
  const fromStates = pairs.map(([from]) => from);
  const toStates = pairs.map(([, to]) => to);
  const fromCodes = Int32Array.from(fromStates, (s) => matrix.code(s));
  const toCodes = Int32Array.from(toStates, (s) => matrix.code(s));
  const size = matrix.states.length;
  if (size !== 10)
    throw new Error(
      `raw-array is written for the 10-state reference universe; ${matrix.name} has ${size}.`,
    );

  return [
    {
      name: 'raw-array',
      opsPerRep: n,
      run(reps) {
        let sum = 0;
        for (let r = 0; r < reps; r++) {
          for (let i = 0; i < n; i++) sum += raw[fromCodes[i]! * 10 + toCodes[i]!]!.length;
        }
        return sum;
      },
    },
    {
      name: 'generated-code',
      opsPerRep: n,
      run(reps) {
        let sum = 0;
        for (let r = 0; r < reps; r++) {
          for (let i = 0; i < n; i++) sum += matrix.at(fromCodes[i]!, toCodes[i]!).length;
        }
        return sum;
      },
    },
    {
      name: 'generated-string',
      opsPerRep: n,
      run(reps) {
        let sum = 0;
        for (let r = 0; r < reps; r++) {
          for (let i = 0; i < n; i++) sum += matrix.rules(fromStates[i]!, toStates[i]!).length;
        }
        return sum;
      },
    },
    {
      name: 'nested-map',
      opsPerRep: n,
      run(reps) {
        let sum = 0;
        for (let r = 0; r < reps; r++) {
          for (let i = 0; i < n; i++) sum += nested.get(fromStates[i]!)!.get(toStates[i]!)!.length;
        }
        return sum;
      },
    },
    {
      name: 'memo-map',
      opsPerRep: n,
      run(reps) {
        let sum = 0;
        for (let r = 0; r < reps; r++) {
          for (let i = 0; i < n; i++) sum += memo.get(`${fromStates[i]}->${toStates[i]}`)!.length;
        }
        return sum;
      },
    },
    {
      name: 'dynamic-filter',
      opsPerRep: n,
      run(reps) {
        let sum = 0;
        for (let r = 0; r < reps; r++) {
          for (let i = 0; i < n; i++)
            sum += policy.compileTransitionRules(fromStates[i], toStates[i]).length;
        }
        return sum;
      },
    },
  ];
}
