/**
 * The emit step: one module per policy (`<kebab-case-name>.ts`) and the index, in
 * memory. Reports file-name clashes as problems (two policies whose names give the
 * same file name, or a policy whose file would be `index.ts`).
 */
import path from 'node:path';
import type { PolicyModel, ProjectModel } from '../model/policy-model.ts';
import { relativePosix } from '../path/relative-posix.ts';
import type { Problem } from '../problem/problem.ts';
import type { EmitOptions } from './emit-options.ts';
import { emitIndexModule } from './emit-index-module.ts';
import { emitPolicyModule } from './emit-policy-module.ts';
import type { EmittedFile } from './emitted-file.ts';
import { kebabCase } from './kebab-case.ts';

/** The name of the index module in the output folder. */
export const INDEX_FILE = 'index.ts';

/** The absolute path of `policy`'s generated module. */
function policyModulePath(policy: string, options: EmitOptions): string {
  return path.join(options.outDir, `${kebabCase(policy)}.ts`);
}

/**
 * Emits every policy of `project` and the index. `cache` (watch mode) maps a policy's
 * model key to its emitted text, so unchanged policies are not formatted again; it
 * keeps only this call's entries.
 */
export async function emitProject(
  project: ProjectModel,
  options: EmitOptions,
  cache?: Map<string, string>,
): Promise<{ files: EmittedFile[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const byFile = new Map<string, PolicyModel[]>();
  for (const policy of project.policies) {
    const file = policyModulePath(policy.name, options);
    byFile.set(file, [...(byFile.get(file) ?? []), policy]);
  }
  for (const [file, policies] of byFile) {
    const name = path.basename(file);
    if (policies.length > 1) {
      const names = policies.map((p) => p.name).join(' and ');
      for (const policy of policies) {
        problems.push({
          code: 'PM050',
          ...policy.location,
          policy: policy.name,
          message: `Policies ${names} would both be generated as ${name}; rename one so that their kebab-case names differ.`,
        });
      }
    } else if (name === INDEX_FILE) {
      const policy = policies[0] as PolicyModel;
      problems.push({
        code: 'PM051',
        ...policy.location,
        policy: policy.name,
        message: `Policy ${policy.name} would be generated as ${INDEX_FILE}, which is the output folder's index; rename the policy.`,
      });
    }
  }
  if (problems.length > 0) return { files: [], problems };

  const used = new Set<string>();
  const emitted = await Promise.all(
    project.policies.map(async (model) => {
      const file = policyModulePath(model.name, options);
      const key = JSON.stringify([model, options]);
      used.add(key);
      let content = cache?.get(key);
      if (content === undefined) {
        content = await emitPolicyModule(model, options);
        cache?.set(key, content);
      }
      return { model, file, content };
    }),
  );
  for (const key of cache?.keys() ?? []) if (!used.has(key)) cache?.delete(key);
  const files: EmittedFile[] = emitted.map(({ model, file, content }) => ({
    path: relativePosix(options.root, file),
    content,
    policy: model.name,
  }));
  files.push({
    path: relativePosix(options.root, path.join(options.outDir, INDEX_FILE)),
    content: await emitIndexModule(emitted, options),
  });
  return { files, problems };
}
