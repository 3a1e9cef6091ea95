/**
 * Everything `generate` writes for a config: the policy modules and the index
 * (`emitProject`), then, when the config asks for them, the output folder's
 * `.gitattributes` and the report folder (`emitReport`). Shared by `generate`, `check` and `watch`, so they agree on what the
 * output folder should hold.
 */
import type { ResolvedConfig } from '../config/resolved-config.ts';
import type { ProjectModel } from '../model/policy-model.ts';
import type { Problem } from '../problem/problem.ts';
import { emitGitattributes } from './emit-gitattributes.ts';
import { emitOptionsOf } from './emit-options.ts';
import { emitProject } from './emit-project.ts';
import { emitReport } from './emit-report.ts';
import type { EmittedFile } from './emitted-file.ts';

/** The modules, the index and (with `report: true`) the report files; `cache` as in `emitProject`. */
export async function emitOutput(
  model: ProjectModel,
  config: ResolvedConfig,
  cache?: Map<string, string>,
): Promise<{ files: EmittedFile[]; problems: Problem[] }> {
  const project = await emitProject(model, emitOptionsOf(config), cache);
  const emitted = config.gitattributes
    ? {
        files: [
          ...project.files,
          emitGitattributes(config.root, config.outDir, config.regenerateCommand),
        ],
        problems: project.problems,
      }
    : project;
  if (emitted.problems.length > 0 || !config.report) return emitted;
  const report = emitReport(model, config.root, config.reportDir, config.configFile);
  return { files: [...emitted.files, ...report.files], problems: report.problems };
}
