/**
 * The orchestration section: CoreTaskPolicy + GlobalTaskPolicy transitions of a task
 * run's lifecycle (PENDING → RUNNING → COMPLETED, and RUNNING → FAILED → retry → …),
 * in ns per transition, on the `machinery` workload: the policies' rules with their
 * real FROM/TO sets and no-op hooks, the Prefect port against `orchestratePolicy` over
 * matrices the real compiler generated at startup (machinery-cases.ts). The real rules
 * with the in-memory store are the `orion` section (orion-section.ts).
 *
 * The workload is checked before timing: every case must fire the same rules and end
 * the same way as the Prefect port.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompiledPolicy, PolicyClass } from '../../../src/index.ts';
import type { GeneratedMatrices, PresetPolicies } from '../bench-modules.ts';
import type { BenchCase } from '../../../codegen/bench/harness/bench-case.ts';
import {
  sampleInterleaved,
  type SamplingPlan,
} from '../../../codegen/bench/harness/sample-interleaved.ts';
import { measuredCases } from '../../../codegen/bench/harness/summarize-samples.ts';
import type { MeasuredGroup } from '../report/bench-run.ts';
import { TASK_LIFECYCLES, type TransitionPair } from '../workloads/task-lifecycles.ts';
import { compileMachinery } from './compile-machinery.ts';
import { machineryCases, verifyMachineryCases, type MachinerySources } from './machinery-cases.ts';
import { machineryPolicyName, writeMachineryProject } from './machinery-project.ts';
import { policyShape } from './policy-shape.ts';
import { prefectPortPolicies } from './prefect-port-machinery.ts';

export interface OrchestrationSectionOptions {
  root: string;
  preset: PresetPolicies;
  matrices: GeneratedMatrices;
  plan: SamplingPlan;
  progress: (round: number) => void;
  notes: string[];
}

/** A run that completes, then one that fails, is retried and completes: nine transitions. */
function lifecyclePairsOf(...names: string[]): TransitionPair[] {
  return names.flatMap((name) => {
    const lifecycle = TASK_LIFECYCLES.find((l) => l.name === name);
    if (lifecycle === undefined) throw new Error(`No task lifecycle is named "${name}".`);
    return lifecycle.pairs;
  });
}

export async function runOrchestrationSection(
  options: OrchestrationSectionOptions,
): Promise<MeasuredGroup[]> {
  const { root, preset, plan, progress } = options;
  const pairs = lifecyclePairsOf('completes', 'fails, is retried, completes');

  const machinery = await machinerySources(root, preset);
  await verifyMachineryCases(machinery, pairs);
  const machineryGroup = await measure(machineryCases(machinery, pairs), plan, progress);

  const transitions = pairs.map(([from, to]) => `${from ?? 'null'}→${to}`).join(', ');
  return [
    {
      section: 'orchestration',
      workload: 'machinery',
      per: 'transition',
      unit: 'ns',
      reported: true,
      description:
        `CoreTaskPolicy + GlobalTaskPolicy rules with their real FROM/TO sets and no-op hooks (matrices from the real compiler); ` +
        `transitions ${transitions}. generated-hooked: every rule and transform overrides its hooks with empty plain methods; ` +
        'generated-hooked-async: with empty async methods (every hook returns a promise); ' +
        'generated-sync: generated through orchestrateSync (no promise).',
      cases: machineryGroup,
    },
  ];
}

async function measure(cases: BenchCase[], plan: SamplingPlan, progress: (round: number) => void) {
  return measuredCases(cases, await sampleInterleaved(cases, plan, progress), 'ns');
}

/** The four sides of the machinery workload, built from the preset's task policies. */
async function machinerySources(root: string, preset: PresetPolicies): Promise<MachinerySources> {
  const core = policyShape(preset.CoreTaskPolicy);
  const global = policyShape(preset.GlobalTaskPolicy);
  const [portCore, portGlobal] = prefectPortPolicies([core, global]);
  const project = writeMachineryProject(
    root,
    join(root, '.tmp', 'bench', 'machinery'),
    core,
    global,
  );
  const names = (['none', 'plain', 'async'] as const).flatMap((hooks) => [
    machineryPolicyName(core, hooks),
    machineryPolicyName(global, hooks),
  ]);
  const compiled = await compileMachinery(project, names);
  const classes = (await import(pathToFileURL(project.module).href)) as Record<string, PolicyClass>;
  const matrix = (name: string): CompiledPolicy => compiled.get(name)!;
  return {
    port: { core: portCore!, global: portGlobal! },
    generated: {
      core: matrix(machineryPolicyName(core, 'none')),
      global: matrix(machineryPolicyName(global, 'none')),
    },
    dynamic: {
      core: classes[machineryPolicyName(core, 'none')]!,
      global: classes[machineryPolicyName(global, 'none')]!,
    },
    hooked: {
      core: matrix(machineryPolicyName(core, 'plain')),
      global: matrix(machineryPolicyName(global, 'plain')),
    },
    hookedAsync: {
      core: matrix(machineryPolicyName(core, 'async')),
      global: matrix(machineryPolicyName(global, 'async')),
    },
  };
}
