/**
 * The orion section: the real Orion task rules and transforms with the in-memory
 * store, one transaction per transition through the preset's entry point, in ns per
 * transition (orion-cases.ts): the Prefect port (adapters of the real rules in Prefect's
 * loop, same store and copies) against `OrionEngine` with the generated matrices, on a
 * fresh store and on a long-lived one. Checked before timing: every case must end every
 * transition the same way as the Prefect port.
 */
import type { TaskOrchestrationContext } from '../../../src/orion/index.ts';
import type { GeneratedMatrices, PresetPolicies } from '../bench-modules.ts';
import {
  sampleInterleaved,
  type SamplingPlan,
} from '../../../codegen/bench/harness/sample-interleaved.ts';
import { measuredCases } from '../../../codegen/bench/harness/summarize-samples.ts';
import type { MeasuredGroup } from '../report/bench-run.ts';
import { LONG_LIVED_RUNS } from './long-lived-store.ts';
import { orionCases, verifyOrionCases } from './orion-cases.ts';
import { prefectPortAdapters } from './prefect-port-adapters.ts';

export interface OrionSectionOptions {
  preset: PresetPolicies;
  matrices: GeneratedMatrices;
  plan: SamplingPlan;
  progress: (round: number) => void;
}

export async function runOrionSection(options: OrionSectionOptions): Promise<MeasuredGroup[]> {
  const { preset, matrices, plan, progress } = options;
  const [portCore, portGlobal] = prefectPortAdapters<TaskOrchestrationContext>([
    preset.CoreTaskPolicy,
    preset.GlobalTaskPolicy,
  ]);
  const sources = {
    port: { core: portCore!, global: portGlobal! },
    generated: { core: matrices.CoreTaskPolicyMatrix, global: matrices.GlobalTaskPolicyMatrix },
  };
  await verifyOrionCases(sources);
  const cases = orionCases(sources);
  const measured = measuredCases(cases, await sampleInterleaved(cases, plan, progress), 'ns');
  return [
    {
      section: 'orion',
      workload: 'task',
      per: 'transition',
      unit: 'ns',
      reported: true,
      description:
        'The real Orion task rules and transforms with the in-memory store (one transaction per transition, a tag limit, ' +
        'one retry): nine transitions (PENDING → RUNNING → COMPLETED; PENDING → RUNNING → FAILED → retry → COMPLETED) on fresh task runs. ' +
        'prefect-port: Prefect’s loop over adapters of the real rules, same store and copies; generated, generated-long-lived and ' +
        'orchestrate-dynamic go through OrionEngine.setTaskRunState. generated-long-lived: the same on a store that already holds ' +
        `at least ${LONG_LIVED_RUNS.toLocaleString('en')} runs reached through varied histories (every state type, cached, retried, ` +
        'paused, cancelled, with and without optional fields, proposals of many shapes).',
      cases: measured,
    },
  ];
}
