/**
 * The whole-transition cases of `policy-matrix bench`: the user's transitions through
 * `orchestrate` with the user's own rules and hooks, in ns per transition, with the rule
 * lists from the generated matrix (`matrix`, by precomputed codes) and from the policy's
 * dynamic filter (`dynamic-filter`). Contexts and commits come from the config's
 * `bench.transition(from, to, policy)`, built untimed before each sample (one per
 * transition: `orchestrate` changes its context), the same way for both cases.
 */
import type { BenchConfig, BenchTransition } from '../bench-config.ts';
import type { BenchCase } from '../harness/bench-case.ts';
import type { TracePair } from '../trace/read-trace.ts';
import type { CompiledLookup, FilteringPolicy } from './lookup-cases.ts';

/** The runtime's `orchestrate`, as the cases call it. */
export type Orchestrate = (options: {
  context: unknown;
  rules: readonly unknown[];
  commit: BenchTransition['commit'];
}) => Promise<{ status: unknown }>;

export interface TransitionWorkload {
  /** The pairs the config builds transitions for, in workload order. */
  pairs: TracePair[];
  /** How many pairs of the workload `bench.transition` declined (returned nothing for). */
  declined: number;
}

/**
 * The pairs of `pairs` that `config.transition` builds a transition for; throws, naming
 * the pair, when it throws or returns something that is not a transition.
 */
export function transitionWorkload(
  config: BenchConfig,
  policy: string,
  pairs: readonly TracePair[],
): TransitionWorkload {
  const accepted = new Map<string, boolean>();
  const kept: TracePair[] = [];
  let declined = 0;
  for (const pair of pairs) {
    const key = JSON.stringify(pair);
    let ok = accepted.get(key);
    if (ok === undefined) {
      ok = build(config, policy, pair) !== undefined;
      accepted.set(key, ok);
    }
    if (ok) kept.push(pair);
    else declined++;
  }
  return { pairs: kept, declined };
}

/**
 * Runs every pair once through both cases, untimed, so that a hook that throws is
 * reported with its transition before anything is timed.
 */
export async function verifyTransitions(
  config: BenchConfig,
  orchestrate: Orchestrate,
  policy: FilteringPolicy,
  matrix: CompiledLookup,
  pairs: readonly TracePair[],
): Promise<void> {
  const seen = new Set<string>();
  for (const pair of pairs) {
    const key = JSON.stringify(pair);
    if (seen.has(key)) continue;
    seen.add(key);
    const [from, to] = pair;
    for (const [name, rules] of [
      ['matrix', matrix.at(matrix.code(from), matrix.code(to))],
      ['dynamic-filter', policy.compileTransitionRules(from, to)],
    ] as const) {
      const transition = build(config, policy.name, pair)!;
      try {
        await orchestrate({ context: transition.context, rules, commit: transition.commit });
      } catch (error) {
        throw new Error(
          `Orchestrating ${String(from)} → ${String(to)} of ${policy.name} (${name}) threw: ${error instanceof Error ? error.message : String(error)}. ` +
            'The bench runs your hooks on the contexts bench.transition builds; make it build contexts your rules accept, or return undefined for pairs your system never orchestrates.',
          { cause: error },
        );
      }
    }
  }
}

/** The two cases over the pairs, named `<prefix><case>`. */
export function transitionCases(
  config: BenchConfig,
  orchestrate: Orchestrate,
  policy: FilteringPolicy,
  matrix: CompiledLookup,
  pairs: readonly TracePair[],
  prefix: string,
): BenchCase[] {
  const n = pairs.length;
  const fromCodes = Int32Array.from(pairs, ([from]) => matrix.code(from));
  const toCodes = Int32Array.from(pairs, ([, to]) => matrix.code(to));
  const fromStates = pairs.map(([from]) => from);
  const toStates = pairs.map(([, to]) => to);
  // Each case prepares its own transitions before each sample: fresh contexts, untimed.
  const prepared = (): { transitions: BenchTransition[]; prepare(reps: number): void } => {
    const holder = {
      transitions: [] as BenchTransition[],
      prepare(reps: number): void {
        const transitions: BenchTransition[] = [];
        for (let r = 0; r < reps; r++) {
          for (const pair of pairs) transitions.push(build(config, policy.name, pair)!);
        }
        holder.transitions = transitions;
      },
    };
    return holder;
  };
  const byMatrix = prepared();
  const byFilter = prepared();
  return [
    {
      name: `${prefix}matrix`,
      opsPerRep: n,
      prepare: (reps) => byMatrix.prepare(reps),
      async run(reps) {
        const transitions = byMatrix.transitions;
        let sum = 0;
        for (let r = 0, k = 0; r < reps; r++) {
          for (let i = 0; i < n; i++, k++) {
            const { context, commit } = transitions[k]!;
            const result = await orchestrate({
              context,
              rules: matrix.at(fromCodes[i]!, toCodes[i]!),
              commit,
            });
            sum += result.status === undefined ? 0 : 1;
          }
        }
        return sum;
      },
    },
    {
      name: `${prefix}dynamic-filter`,
      opsPerRep: n,
      prepare: (reps) => byFilter.prepare(reps),
      async run(reps) {
        const transitions = byFilter.transitions;
        let sum = 0;
        for (let r = 0, k = 0; r < reps; r++) {
          for (let i = 0; i < n; i++, k++) {
            const { context, commit } = transitions[k]!;
            const result = await orchestrate({
              context,
              rules: policy.compileTransitionRules(fromStates[i]!, toStates[i]!),
              commit,
            });
            sum += result.status === undefined ? 0 : 1;
          }
        }
        return sum;
      },
    },
  ];
}

/** `config.transition(from, to, policy)`, checked; undefined when it declines the pair. */
function build(
  config: BenchConfig,
  policy: string,
  [from, to]: TracePair,
): BenchTransition | undefined {
  let built: unknown;
  try {
    built = config.transition(from, to, policy);
  } catch (error) {
    throw new Error(
      `bench.transition(${JSON.stringify(from)}, ${JSON.stringify(to)}, ${JSON.stringify(policy)}) in the config threw: ${error instanceof Error ? error.message : String(error)}. Return undefined for pairs it cannot build.`,
      { cause: error },
    );
  }
  if (built === undefined || built === null) return undefined;
  const record = built as Partial<BenchTransition>;
  if (
    typeof record !== 'object' ||
    typeof record.commit !== 'function' ||
    typeof record.context !== 'object' ||
    record.context === null
  ) {
    // Read below only when `built` is neither an object nor a function: a primitive.
    const primitive = built as string | number | boolean | bigint | symbol;
    const returned =
      typeof built === 'object'
        ? 'an object without a context object and a commit function'
        : typeof built === 'function'
          ? 'a function'
          : String(primitive);
    throw new Error(
      `bench.transition(${JSON.stringify(from)}, ${JSON.stringify(to)}, ${JSON.stringify(policy)}) in the config returned ${returned}; return { context, commit } (or undefined to leave the pair out).`,
    );
  }
  return record as BenchTransition;
}
