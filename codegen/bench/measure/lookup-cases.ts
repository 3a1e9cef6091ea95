/**
 * The lookup cases of `policy-matrix bench`: five ways of finding a policy's rules for a
 * `(from, to)` pair, each over the same workload of pairs, in ns per lookup:
 *
 * - `raw-array`: a plain flat array of the same cells indexed by `from * size + to` with
 *   precomputed codes, the floor of a table lookup. Plain, not frozen: V8 reads a frozen
 *   array's elements through a slower path in optimised code;
 * - `generated-code`: the generated module's `at(fromCode, toCode)`, precomputed codes;
 * - `generated-string`: the generated module's `rules(from, to)` from state names;
 * - `nested-map`: `Map<from, Map<to, rules>>` of the same cells, built once;
 * - `dynamic-filter`: `compileTransitionRules(from, to)` on the policy class, the filter
 *   the matrix replaces.
 *
 * Every case owns its loop, compiled afresh per policy and workload (so the JIT
 * specialises each to its one lookup on its one policy), and sums the lengths of the
 * arrays it finds, which the sampler sends to the blackhole.
 * `verifyLookups` checks first that every structure gives the dynamic filter's rules
 * for every pair: a benchmark compares equal answers only.
 */
import type { BenchCase } from '../harness/bench-case.ts';
import type { TracePair } from '../trace/read-trace.ts';

type Rules = readonly unknown[];

/** The shape of a generated module's compiled policy that the cases use. */
export interface CompiledLookup {
  readonly name: string;
  readonly states: readonly (string | null)[];
  readonly cells: readonly Rules[];
  code(state: string | null): number;
  at(fromCode: number, toCode: number): Rules;
  rules(from: string | null, to: string | null): Rules;
}

/** The shape of a policy class that the cases use. */
export interface FilteringPolicy {
  readonly name: string;
  compileTransitionRules(from: string | null, to: string | null): Rules;
}

/** Throws, naming the pair and the structure, when a structure disagrees with the dynamic filter. */
export function verifyLookups(policy: FilteringPolicy, matrix: CompiledLookup): void {
  const names = (rules: Rules | undefined): string =>
    rules === undefined
      ? '(nothing)'
      : `[${rules.map((r) => (r as { name?: string }).name).join(', ')}]`;
  const size = matrix.states.length;
  for (const from of matrix.states) {
    for (const to of matrix.states) {
      const expected = names(policy.compileTransitionRules(from, to));
      const found: Record<string, Rules | undefined> = {
        'generated-code': matrix.at(matrix.code(from), matrix.code(to)),
        'generated-string': matrix.rules(from, to),
        cells: matrix.cells[matrix.code(from) * size + matrix.code(to)],
      };
      for (const [name, rules] of Object.entries(found)) {
        if (names(rules) !== expected) {
          throw new Error(
            `The generated module's ${name} gives ${names(rules)} for ${String(from)} → ${String(to)}, ` +
              `where ${policy.name}.compileTransitionRules gives ${expected}; the bench compares equal answers only. Regenerate, and report a compiler bug if it persists.`,
          );
        }
      }
    }
  }
}

/** The five cases over one workload of pairs, named `<prefix><case>`. */
export function lookupCases(
  policy: FilteringPolicy,
  matrix: CompiledLookup,
  pairs: readonly TracePair[],
  prefix: string,
): BenchCase[] {
  const size = matrix.states.length;
  const raw: Rules[] = [...matrix.cells];
  const nested = new Map<string | null, Map<string | null, Rules>>();
  matrix.states.forEach((from, f) => {
    nested.set(from, new Map(matrix.states.map((to, t) => [to, raw[f * size + t]!])));
  });
  const n = pairs.length;
  const fromStates = pairs.map(([from]) => from);
  const toStates = pairs.map(([, to]) => to);
  const fromCodes = Int32Array.from(fromStates, (s) => matrix.code(s));
  const toCodes = Int32Array.from(toStates, (s) => matrix.code(s));
  const inputs = { raw, size, n, fromCodes, toCodes, fromStates, toStates, nested, matrix, policy };
  const loop = (lookup: string) => freshLoop(inputs, lookup);
  return [
    {
      name: `${prefix}raw-array`,
      opsPerRep: n,
      run: loop('raw[fromCodes[i] * size + toCodes[i]]'),
    },
    {
      name: `${prefix}generated-code`,
      opsPerRep: n,
      run: loop('matrix.at(fromCodes[i], toCodes[i])'),
    },
    {
      name: `${prefix}generated-string`,
      opsPerRep: n,
      run: loop('matrix.rules(fromStates[i], toStates[i])'),
    },
    {
      name: `${prefix}nested-map`,
      opsPerRep: n,
      run: loop('nested.get(fromStates[i]).get(toStates[i])'),
    },
    {
      name: `${prefix}dynamic-filter`,
      opsPerRep: n,
      run: loop('policy.compileTransitionRules(fromStates[i], toStates[i])'),
    },
  ];
}

/**
 * A measuring loop compiled afresh for each call: `reps` passes over the workload, each
 * lookup `lookup` (an expression over `inputs` and the index `i`), summing the lengths
 * found. Compiled with `new Function` so that every policy's loops are functions of
 * their own: closures of one function literal share V8's type feedback, so the second
 * policy's loops would run polymorphic (measured about 2× slower here) and the first
 * policy would look faster than the rest.
 */
function freshLoop(inputs: Record<string, unknown>, lookup: string): (reps: number) => number {
  const names = Object.keys(inputs);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- deliberate: a fresh loop per policy keeps V8's type feedback apart (see above)
  const factory = new Function(
    ...names,
    `return function run(reps) {
      let sum = 0;
      for (let r = 0; r < reps; r++) {
        for (let i = 0; i < n; i++) sum += ${lookup}.length;
      }
      return sum;
    };`,
  ) as (...args: unknown[]) => (reps: number) => number;
  return factory(...names.map((name) => inputs[name]));
}
