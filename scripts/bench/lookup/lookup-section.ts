/**
 * The lookup section: the six lookup cases over the reference CoreTaskPolicy (the Orion
 * preset's, 10 × 10 with null) and its generated module, on two workloads of 4096
 * pairs each (`uniform` and `lifecycle`, fixed seeds), all twelve measurements
 * interleaved in one sampling run. The JSON reports the uniform workload.
 */
import type { CompiledPolicy, PolicyClass } from '../../../src/index.ts';
import type { BenchCase } from '../../../codegen/bench/harness/bench-case.ts';
import {
  sampleInterleaved,
  type SamplingPlan,
} from '../../../codegen/bench/harness/sample-interleaved.ts';
import { measuredCases } from '../../../codegen/bench/harness/summarize-samples.ts';
import type { MeasuredGroup } from '../report/bench-run.ts';
import { lifecyclePairs, uniformPairs } from '../workloads/transition-workloads.ts';
import { buildLookupTables, lookupCases, verifyLookupTables } from './lookup-cases.ts';

const PAIRS = 4096;

export async function runLookupSection(
  policy: PolicyClass,
  matrix: CompiledPolicy,
  plan: SamplingPlan,
  progress: (round: number) => void,
): Promise<MeasuredGroup[]> {
  const tables = buildLookupTables(policy, matrix);
  verifyLookupTables(tables);
  const workloads = [
    {
      name: 'uniform',
      reported: true,
      description: `${PAIRS} (from, to) pairs drawn uniformly from all ${matrix.states.length ** 2} pairs of ${matrix.name} (seed 1).`,
      cases: lookupCases(tables, uniformPairs(matrix.states, PAIRS, 1)),
    },
    {
      name: 'lifecycle',
      reported: false,
      description: `${PAIRS} pairs from 64 interleaved task-run lifecycles (completes, retries, caches, crashes, cancels…; seed 2).`,
      cases: lookupCases(tables, lifecyclePairs(PAIRS, 2)),
    },
  ];
  // One sampling run over all twelve, named apart by workload.
  const all: BenchCase[] = workloads.flatMap((w) =>
    w.cases.map((c) => ({
      name: `${w.name}/${c.name}`,
      opsPerRep: c.opsPerRep,
      run: (reps: number) => c.run(reps),
    })),
  );
  const samples = await sampleInterleaved(all, plan, progress);
  return workloads.map((w) => {
    const own = new Map(w.cases.map((c) => [c.name, samples.get(`${w.name}/${c.name}`)!]));
    return {
      section: 'lookup',
      workload: w.name,
      per: 'lookup',
      unit: 'ns',
      reported: w.reported,
      description: w.description,
      cases: measuredCases(w.cases, own, 'ns'),
    };
  });
}
