/**
 * Loads what the bench measures, with errors that say what is missing and how to get
 * it: the Orion preset (src/orion: the reference CoreTaskPolicy and GlobalTaskPolicy)
 * and this repository's generated matrices (generated/index.ts).
 */
import type { CompiledPolicy, PolicyClass } from '../../src/index.ts';

export interface PresetPolicies {
  CoreTaskPolicy: PolicyClass;
  GlobalTaskPolicy: PolicyClass;
}

export interface GeneratedMatrices {
  CoreTaskPolicyMatrix: CompiledPolicy;
  GlobalTaskPolicyMatrix: CompiledPolicy;
}

export async function loadPresetPolicies(): Promise<PresetPolicies> {
  const orion = (await importOrExplain('../../src/orion/index.ts', 'the Orion preset')) as Record<
    string,
    unknown
  >;
  return {
    CoreTaskPolicy: exported(orion, 'CoreTaskPolicy', 'src/orion/index.ts') as PolicyClass,
    GlobalTaskPolicy: exported(orion, 'GlobalTaskPolicy', 'src/orion/index.ts') as PolicyClass,
  };
}

export async function loadGeneratedMatrices(): Promise<GeneratedMatrices> {
  const generated = (await importOrExplain(
    '../../generated/index.ts',
    'the generated matrices',
  )) as Record<string, unknown>;
  return {
    CoreTaskPolicyMatrix: exported(
      generated,
      'CoreTaskPolicyMatrix',
      'generated/index.ts',
    ) as CompiledPolicy,
    GlobalTaskPolicyMatrix: exported(
      generated,
      'GlobalTaskPolicyMatrix',
      'generated/index.ts',
    ) as CompiledPolicy,
  };
}

async function importOrExplain(specifier: string, what: string): Promise<unknown> {
  try {
    return await import(specifier);
  } catch (error) {
    const hint = specifier.includes('generated') ? ' Run `npm run generate` first.' : '';
    throw new Error(`The bench could not load ${what} (${specifier}): ${String(error)}.${hint}`, {
      cause: error,
    });
  }
}

function exported(module: Record<string, unknown>, name: string, file: string): unknown {
  const value = module[name];
  if (value === undefined)
    throw new Error(`${file} does not export ${name}, which the bench measures.`);
  return value;
}
