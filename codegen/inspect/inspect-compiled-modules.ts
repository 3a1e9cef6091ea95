/**
 * Child-process side of `InspectionRequest`: imports generated modules and reads every
 * exported `CompiledPolicy` (recognised by shape) and its `<Policy>Metadata`.
 */
import { pathToFileURL } from 'node:url';
import { toThrownError } from '../problem/thrown-error.ts';
import type {
  InspectedModule,
  InspectedPolicy,
  InspectionRequest,
  InspectionResponse,
} from './compiled-inspection.ts';

interface CompiledShape {
  name: string;
  states: readonly (string | null)[];
  cells: readonly (readonly { name: string }[])[];
  code: unknown;
}

interface MetadataShape {
  name: string;
  source: string;
  priority: readonly { name: string }[];
}

/** Imports each module and reads its compiled policies. */
export async function inspectCompiledModules(
  request: InspectionRequest,
): Promise<InspectionResponse> {
  const modules: InspectedModule[] = [];
  for (const module of request.modules) {
    let namespace: Record<string, unknown>;
    try {
      namespace = (await import(pathToFileURL(module).href)) as Record<string, unknown>;
    } catch (error) {
      modules.push({ module, error: toThrownError(error), policies: [] });
      continue;
    }
    const metadata = new Map<string, MetadataShape>();
    for (const value of Object.values(namespace)) {
      if (isMetadata(value)) metadata.set(value.name, value);
    }
    const seen = new Set<unknown>();
    const policies: InspectedPolicy[] = [];
    for (const exportName of Object.keys(namespace).sort()) {
      const value = namespace[exportName];
      if (!isCompiled(value) || seen.has(value)) continue;
      seen.add(value);
      policies.push(readCompiled(value, metadata.get(value.name)));
    }
    modules.push({ module, policies });
  }
  return { kind: 'inspect', modules };
}

function readCompiled(
  compiled: CompiledShape,
  metadata: MetadataShape | undefined,
): InspectedPolicy {
  const distinct = new Map<unknown, number>();
  const distinctCells: string[][] = [];
  const cells = compiled.cells.map((cell) => {
    let index = distinct.get(cell);
    if (index === undefined) {
      index = distinctCells.length;
      distinct.set(cell, index);
      distinctCells.push(Array.from(cell, (rule) => String(rule?.name)));
    }
    return index;
  });
  const inspected: InspectedPolicy = {
    name: compiled.name,
    states: [...compiled.states],
    distinctCells,
    cells,
  };
  if (metadata !== undefined) {
    inspected.source = metadata.source;
    inspected.priority = Array.from(metadata.priority, (rule) => String(rule?.name));
  }
  return inspected;
}

function isCompiled(value: unknown): value is CompiledShape {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.name === 'string' &&
    Array.isArray(record.states) &&
    Array.isArray(record.cells) &&
    typeof record.code === 'function'
  );
}

function isMetadata(value: unknown): value is MetadataShape {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.name === 'string' &&
    typeof record.source === 'string' &&
    Array.isArray(record.priority)
  );
}
