/**
 * Compiles the machinery project (see machinery-project.ts) with the real compiler,
 * through its programmatic API (`generate` from codegen/index.ts), and imports the
 * generated matrices. The bench thus measures matrices exactly as the compiler emits
 * them, for policies whose rules have the Orion rules' sets.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompiledPolicy } from '../../../src/index.ts';
import { loadCodegenApi } from '../codegen/codegen-api.ts';
import type { MachineryProject } from './machinery-project.ts';

/** Generates the project's matrices and returns them by policy name. */
export async function compileMachinery(
  project: MachineryProject,
  names: readonly string[],
): Promise<Map<string, CompiledPolicy>> {
  const codegen = await loadCodegenApi();
  await codegen.generateOrThrow({ cwd: project.dir, config: project.config });
  const generated = (await import(pathToFileURL(join(project.outDir, 'index.ts')).href)) as Record<
    string,
    unknown
  >;
  const matrices = new Map<string, CompiledPolicy>();
  for (const name of names) {
    const matrix = generated[`${name}Matrix`] as CompiledPolicy | undefined;
    if (matrix === undefined) {
      throw new Error(
        `The compiler's output for the machinery project has no ${name}Matrix export (in ${project.outDir}/index.ts).`,
      );
    }
    matrices.set(name, matrix);
  }
  return matrices;
}
