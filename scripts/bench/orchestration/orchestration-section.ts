/**
 * The orchestration section: CoreTaskPolicy + GlobalTaskPolicy transitions of a task
 * run's lifecycle (PENDING → RUNNING → COMPLETED, and RUNNING → FAILED → retry → …),
 * in ns per transition, on two workloads, each sampled interleaved on its own:
 *
 * - `machinery` (reported by the JSON): the policies' rules with their real FROM/TO
 *   sets and no-op hooks, the Prefect port against `orchestratePolicy` over matrices
 *   the real compiler generated at startup (machinery-cases.ts);
 * - `orion`: the real rules and the in-memory store through the preset's entry point,
 *   for the Prefect port (adapters of the real rules) and the engine (orion-cases.ts).
 *
 * Both workloads are checked before timing: every case must fire the same rules and
 * end the same way as the Prefect port.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompiledPolicy, PolicyClass } from '../../../src/index.ts';
import type { TaskOrchestrationContext } from '../../../src/orion/index.ts';
import type { GeneratedMatrices, PresetPolicies } from '../bench-modules.ts';
import type { BenchCase } from '../harness/bench-case.ts';
import { sampleInterleaved, type SamplingPlan } from '../harness/sample-interleaved.ts';
import { measuredCases } from '../harness/summarize-samples.ts';
import type { MeasuredGroup } from '../report/bench-run.ts';
import { TASK_LIFECYCLES, type TransitionPair } from '../workloads/task-lifecycles.ts';
import { compileMachinery } from './compile-machinery.ts';
import { machineryCases, verifyMachineryCases, type MachinerySources } from './machinery-cases.ts';
import { machineryPolicyName, writeMachineryProject } from './machinery-project.ts';
import { orionCases, verifyOrionCases } from './orion-cases.ts';
import { policyShape } from './policy-shape.ts';
import { prefectPortAdapters } from './prefect-port-adapters.ts';
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
  const { root, preset, matrices, plan, progress } = options;
  const pairs = lifecyclePairsOf('completes', 'fails, is retried, completes');

  const machinery = await machinerySources(root, preset);
  await verifyMachineryCases(machinery, pairs);
  const machineryGroup = await measure(machineryCases(machinery, pairs), plan, progress);

  const [portCore, portGlobal] = prefectPortAdapters<TaskOrchestrationContext>([
    preset.CoreTaskPolicy,
    preset.GlobalTaskPolicy,
  ]);
  const orion = {
    port: { core: portCore!, global: portGlobal! },
    generated: { core: matrices.CoreTaskPolicyMatrix, global: matrices.GlobalTaskPolicyMatrix },
  };
  await verifyOrionCases(orion);
  const orionGroup = await measure(orionCases(orion), plan, progress);

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
        `transitions ${transitions}. generated-hooked: every rule overrides its hooks with empty async functions.`,
      cases: machineryGroup,
    },
    {
      section: 'orchestration',
      workload: 'orion',
      per: 'transition',
      unit: 'ns',
      reported: false,
      description:
        'The real Orion task rules and transforms with the in-memory store (one transaction per transition, a tag limit, ' +
        'one retry), the same nine transitions on fresh task runs; generated and orchestrate-dynamic go through OrionEngine.setTaskRunState.',
      cases: orionGroup,
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
  const names = [false, true].flatMap((hooked) => [
    machineryPolicyName(core, hooked),
    machineryPolicyName(global, hooked),
  ]);
  const compiled = await compileMachinery(project, names);
  const classes = (await import(pathToFileURL(project.module).href)) as Record<string, PolicyClass>;
  const matrix = (name: string): CompiledPolicy => compiled.get(name)!;
  return {
    port: { core: portCore!, global: portGlobal! },
    generated: {
      core: matrix(machineryPolicyName(core, false)),
      global: matrix(machineryPolicyName(global, false)),
    },
    dynamic: {
      core: classes[machineryPolicyName(core, false)]!,
      global: classes[machineryPolicyName(global, false)]!,
    },
    hooked: {
      core: matrix(machineryPolicyName(core, true)),
      global: matrix(machineryPolicyName(global, true)),
    },
  };
}
