/**
 * Child-process side of `BenchRequest`: imports the user's runtime, policy classes,
 * generated modules and config (one module graph), then measures each policy in turn:
 * its lookups on the uniform workload (and the trace), interleaved in one sampling run,
 * then, when the config has a `bench` section, its whole transitions. Progress goes to
 * the trace channel as `progress "<done>/<total> <what>"` lines.
 */
import { pathToFileURL } from 'node:url';
import type { BenchConfig } from '../bench-config.ts';
import type { BenchGroup } from '../bench-report.ts';
import type { BenchCase } from '../harness/bench-case.ts';
import { sampleInterleaved, type SamplingPlan } from '../harness/sample-interleaved.ts';
import { measuredCases } from '../harness/summarize-samples.ts';
import type { TracePair } from '../trace/read-trace.ts';
import type { BenchRequest, BenchResponse, MeasuredPolicy } from './bench-request.ts';
import {
  lookupCases,
  verifyLookups,
  type CompiledLookup,
  type FilteringPolicy,
} from './lookup-cases.ts';
import {
  transitionCases,
  transitionWorkload,
  verifyTransitions,
  type Orchestrate,
} from './transition-cases.ts';
import { uniformPairs } from './uniform-pairs.ts';

type Workload = { name: 'uniform' | 'trace'; description: string; pairs: readonly TracePair[] };

export async function measurePolicies(request: BenchRequest): Promise<BenchResponse> {
  let orchestrate: Orchestrate;
  let benchConfig: BenchConfig | undefined;
  const classes = new Map<string, FilteringPolicy>();
  const matrices = new Map<string, CompiledLookup>();
  try {
    const runtime = (await import(request.runtime)) as { orchestrate?: Orchestrate };
    if (typeof runtime.orchestrate !== 'function')
      throw new Error(`the runtime ${request.runtime} exports no orchestrate function`);
    orchestrate = runtime.orchestrate;
    if (request.configFile !== null) {
      const config = (await import(pathToFileURL(request.configFile).href)) as {
        default?: { bench?: BenchConfig };
      };
      benchConfig = config.default?.bench;
    }
    for (const policy of request.policies) {
      const module = (await import(pathToFileURL(policy.module).href)) as Record<string, unknown>;
      classes.set(policy.name, module[policy.exportName] as FilteringPolicy);
      const generated = (await import(pathToFileURL(policy.generated).href)) as Record<
        string,
        unknown
      >;
      const matrix = Object.values(generated).find(
        (value): value is CompiledLookup =>
          typeof value === 'object' &&
          value !== null &&
          (value as { name?: unknown }).name === policy.name &&
          typeof (value as { at?: unknown }).at === 'function',
      );
      if (matrix === undefined)
        throw new Error(`${policy.generated} exports no compiled policy named ${policy.name}`);
      matrices.set(policy.name, matrix);
    }
  } catch (error) {
    return {
      kind: 'bench',
      policies: [],
      error: `Loading what the bench measures failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    };
  }

  const rounds = (plan: SamplingPlan): number => plan.rounds;
  const total =
    request.policies.length *
    (rounds(request.plan.lookup) +
      (benchConfig === undefined ? 0 : rounds(request.plan.transition)));
  let done = 0;
  const report = (what: string): void => trace('progress', `${done}/${total} ${what}`);

  const measured: MeasuredPolicy[] = [];
  for (const { name } of request.policies) {
    const policy = classes.get(name)!;
    const matrix = matrices.get(name)!;
    const notes: string[] = [];
    try {
      verifyLookups(policy, matrix);
      const workloads: Workload[] = [
        {
          name: 'uniform',
          description: `${request.plan.lookupPairs} (from, to) pairs drawn uniformly from all ${matrix.states.length ** 2} pairs of ${name} (seed 1).`,
          pairs: uniformPairs(matrix.states, request.plan.lookupPairs, 1),
        },
      ];
      if (request.trace !== null) {
        const pairs = request.trace.slice(0, request.plan.lookupPairs);
        workloads.push({
          name: 'trace',
          description: `The first ${pairs.length} of the trace's ${request.trace.length} transitions, in order.`,
          pairs,
        });
      }
      const groups: BenchGroup[] = [];
      const lookups = workloads.map((w) => ({
        w,
        cases: lookupCases(policy, matrix, w.pairs, `${w.name}/`),
      }));
      const base = done;
      const samples = await sampleInterleaved(
        lookups.flatMap((l) => l.cases),
        request.plan.lookup,
        (round) => {
          done = base + round;
          report(`${name}: lookups`);
        },
      );
      for (const { w, cases } of lookups) {
        groups.push(group('lookup', w, cases, samples, 'lookup'));
      }
      let transitionsSkipped: string | undefined;
      // Without a bench section, the run's notes say how to add one (once, not per policy).
      if (benchConfig !== undefined) {
        const transitionGroups: { w: Workload; cases: BenchCase[] }[] = [];
        for (const w of workloads) {
          const source =
            w.name === 'uniform'
              ? uniformPairs(matrix.states, request.plan.transitionPairs, 2)
              : w.pairs.slice(0, request.plan.transitionPairs);
          const { pairs, declined } = transitionWorkload(benchConfig, name, source);
          if (declined > 0)
            notes.push(
              `${name}: bench.transition left out ${declined} of ${source.length} ${w.name} transitions.`,
            );
          if (pairs.length === 0) continue;
          await verifyTransitions(benchConfig, orchestrate, policy, matrix, pairs);
          transitionGroups.push({
            w: {
              name: w.name,
              pairs,
              description:
                w.name === 'uniform'
                  ? `${pairs.length} transitions drawn uniformly from the pairs bench.transition builds (seed 2), through orchestrate.`
                  : `The first ${pairs.length} transitions of the trace that bench.transition builds, through orchestrate.`,
            },
            cases: transitionCases(benchConfig, orchestrate, policy, matrix, pairs, `${w.name}/`),
          });
        }
        if (transitionGroups.length === 0) {
          transitionsSkipped = 'bench.transition built no transition for any pair of the workloads';
          done += request.plan.transition.rounds;
        } else {
          const base2 = done;
          const transitionSamples = await sampleInterleaved(
            transitionGroups.flatMap((t) => t.cases),
            request.plan.transition,
            (round) => {
              done = base2 + round;
              report(`${name}: whole transitions`);
            },
          );
          for (const { w, cases } of transitionGroups) {
            groups.push(group('transition', w, cases, transitionSamples, 'transition'));
          }
        }
      }
      measured.push({
        name,
        groups,
        notes,
        ...(transitionsSkipped === undefined ? {} : { transitionsSkipped }),
      });
    } catch (error) {
      measured.push({
        name,
        groups: [],
        notes,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { kind: 'bench', policies: measured };
}

function group(
  section: BenchGroup['section'],
  workload: Workload,
  cases: readonly BenchCase[],
  samples: Map<string, number[]>,
  per: string,
): BenchGroup {
  const prefix = `${workload.name}/`;
  const own = new Map(cases.map((c) => [c.name.slice(prefix.length), samples.get(c.name)!]));
  const named = cases.map((c) => ({ ...c, name: c.name.slice(prefix.length) }));
  return {
    section,
    workload: workload.name,
    per,
    unit: 'ns',
    reported: workload.name === 'uniform',
    description: workload.description,
    cases: measuredCases(named, own, 'ns'),
  };
}

/** The evaluation child's trace channel (see codegen/child/child-main.ts), when there is one. */
function trace(phase: string, subject: string): void {
  const write = (globalThis as Record<symbol, unknown>)[Symbol.for('policy-matrix.trace')];
  if (typeof write === 'function') (write as (p: string, s: string) => void)(phase, subject);
}
