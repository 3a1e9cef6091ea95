/**
 * The orchestration cases of the "machinery" workload: task-run transitions through
 * the Orion task policies' rules with no-op hooks, so that what is measured is the
 * machinery around the rules, per transition:
 *
 * - `prefect-port`: the Prefect port (dynamic filter, AsyncExitStack, a PrefectRule
 *   instance per applicable rule, awaited async enter/exit and hooks, safe copies);
 * - `generated`: `orchestratePolicy` with the matrices the real compiler generated for
 *   the machinery policies;
 * - `orchestrate-dynamic`: `orchestratePolicy` with the machinery policy classes, i.e.
 *   the runtime's loop fed by the dynamic filter (what the matrix alone saves);
 * - `generated-hooked`: as `generated`, with every rule and transform overriding its
 *   hooks with empty plain methods, so that the runtime cannot skip them and pays for
 *   the rule instances and the hooks' copies Prefect pays for every rule;
 * - `generated-hooked-async`: the same with empty `async` hooks, which also pays for a
 *   promise per hook and the loop's asynchronous path;
 * - `generated-sync`: as `generated`, through `orchestrateSync` (rules looked up with
 *   `transitionRules`, as `orchestratePolicy` does): no promise, no `await`.
 *
 * Every transition builds a fresh context (the same class on both sides) and commits
 * through the same in-memory commit. `verifyMachineryCases` runs each transition once
 * per case before timing and checks that all cases fire the same rules in the same
 * order with the same outcome.
 */
import {
  ManualClock,
  OrchestrationContext,
  createState,
  orchestratePolicy,
  orchestrateSync,
  seededRandom,
  transitionRules,
  type CommitState,
  type RuleClass,
  type RuleSource,
  type State,
} from '../../../src/index.ts';
import type { BenchCase } from '../../../codegen/bench/harness/bench-case.ts';
import type { PrefectPolicyClass } from '../prefect-port/prefect-policy.ts';
import { prefectSetState } from '../prefect-port/prefect-set-state.ts';
import type { TransitionPair } from '../workloads/task-lifecycles.ts';

/** The run record of the machinery workload: only its current state matters. */
interface MachineryRun {
  state: State | null;
}

type Context = OrchestrationContext<MachineryRun>;

export interface MachinerySources {
  port: { core: PrefectPolicyClass; global: PrefectPolicyClass };
  generated: { core: RuleSource; global: RuleSource };
  dynamic: { core: RuleSource; global: RuleSource };
  hooked: { core: RuleSource; global: RuleSource };
  hookedAsync: { core: RuleSource; global: RuleSource };
}

interface Transition {
  initial: State | null;
  proposed: State;
}

/** Validation: the proposed state becomes the run's state (null writes nothing). */
const commit: CommitState<Context> = (proposed, context) => {
  if (proposed === null) return context.run.state;
  context.run.state = proposed;
  return proposed;
};

export function machineryCases(
  sources: MachinerySources,
  pairs: readonly TransitionPair[],
): BenchCase[] {
  const transitions = buildTransitions(pairs);
  const n = transitions.length;
  const clock = new ManualClock();
  const random = seededRandom(3);
  const run: MachineryRun = { state: null };
  const contextFor = (t: Transition): Context =>
    new OrchestrationContext<MachineryRun>({
      run,
      initialState: t.initial,
      proposedState: t.proposed,
      clock,
      random,
    });
  const viaRuntime = (source: { core: RuleSource; global: RuleSource }) => async (reps: number) => {
    let sum = 0;
    for (let r = 0; r < reps; r++) {
      for (let i = 0; i < n; i++) {
        const context = contextFor(transitions[i]!);
        await orchestratePolicy({
          context,
          policy: source.core,
          globalPolicy: source.global,
          commit,
        });
        sum += context.ruleSignature.length;
      }
    }
    return sum;
  };
  return [
    {
      name: 'prefect-port',
      opsPerRep: n,
      async run(reps) {
        let sum = 0;
        for (let r = 0; r < reps; r++) {
          for (let i = 0; i < n; i++) {
            const context = contextFor(transitions[i]!);
            await prefectSetState({
              context,
              policy: sources.port.core,
              globalPolicy: sources.port.global,
              commit,
            });
            sum += context.ruleSignature.length;
          }
        }
        return sum;
      },
    },
    { name: 'generated', opsPerRep: n, run: viaRuntime(sources.generated) },
    { name: 'orchestrate-dynamic', opsPerRep: n, run: viaRuntime(sources.dynamic) },
    { name: 'generated-hooked', opsPerRep: n, run: viaRuntime(sources.hooked) },
    { name: 'generated-hooked-async', opsPerRep: n, run: viaRuntime(sources.hookedAsync) },
    {
      name: 'generated-sync',
      opsPerRep: n,
      async run(reps) {
        const { core, global } = sources.generated;
        let sum = 0;
        for (let r = 0; r < reps; r++) {
          for (let i = 0; i < n; i++) {
            const context = contextFor(transitions[i]!);
            const from = context.initialStateType;
            const to = context.proposedStateType;
            orchestrateSync({
              context,
              // As orchestratePolicy does: the lists were built for this context type.
              rules: transitionRules(core, from, to) as readonly RuleClass<Context>[],
              transforms: transitionRules(global, from, to) as readonly RuleClass<Context>[],
              commit,
            });
            sum += context.ruleSignature.length;
          }
        }
        return sum;
      },
    },
  ];
}

/**
 * Runs every transition once through each side and throws, naming the transition and
 * the case, unless all fire the same rules and transforms in the same order (a
 * `…Hooked` or `…HookedAsync` class counts as the rule it extends) with the same status.
 */
export async function verifyMachineryCases(
  sources: MachinerySources,
  pairs: readonly TransitionPair[],
): Promise<void> {
  const clock = new ManualClock();
  const random = seededRandom(4);
  for (const t of buildTransitions(pairs)) {
    const outcome = async (
      label: string,
      go: (context: Context) => Promise<unknown>,
    ): Promise<[string, string]> => {
      const context = new OrchestrationContext<MachineryRun>({
        run: { state: t.initial },
        initialState: t.initial,
        proposedState: t.proposed,
        clock,
        random,
      });
      await go(context);
      const names = (list: string[]) =>
        list.map((n) => n.replace(/Hooked(Async)?$/, '')).join(', ');
      return [
        label,
        `${context.responseStatus}; before: ${names(context.ruleSignature)}; after: ${names(context.finalizationSignature)}`,
      ];
    };
    // The port first, on its own; then the others side by side.
    const first = await outcome('prefect-port', (context) =>
      prefectSetState({
        context,
        policy: sources.port.core,
        globalPolicy: sources.port.global,
        commit,
      }),
    );
    const others = (['generated', 'dynamic', 'hooked', 'hookedAsync'] as const).map((key) =>
      outcome(key, (context) =>
        orchestratePolicy({
          context,
          policy: sources[key].core,
          globalPolicy: sources[key].global,
          commit,
        }),
      ),
    );
    const settled = [first, ...(await Promise.all(others))];
    const [, expected] = settled[0]!;
    for (const [label, got] of settled) {
      if (got !== expected) {
        throw new Error(
          `Machinery case ${label} differs from the Prefect port on ${t.initial?.type ?? null} → ${t.proposed.type}:\n` +
            `  port: ${expected}\n  ${label}: ${got}\nThe bench only compares runs that fire the same rules.`,
        );
      }
    }
  }
}

/** One initial and one proposed state per pair, built once (no-op rules never change them). */
function buildTransitions(pairs: readonly TransitionPair[]): Transition[] {
  const env = { clock: new ManualClock(), random: seededRandom(2) };
  return pairs.map(([from, to]) => {
    if (to === null)
      throw new Error(
        'Machinery transitions propose a state; null proposals are not part of the workload.',
      );
    return {
      initial: from === null ? null : createState(from, {}, env),
      proposed: createState(to, {}, env),
    };
  });
}
