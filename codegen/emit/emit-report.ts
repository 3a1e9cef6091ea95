/**
 * The report files of a project as emitted files: `renderProjectReport` (an index, and
 * per policy a markdown page and an SVG heatmap), named like the policy's generated
 * module (`kebabCase`), placed in a report folder. Used by `generate` when the config
 * asks for a report, and by `policy-matrix report`.
 */
import path from 'node:path';
import type { ProjectModel } from '../model/policy-model.ts';
import { relativePosix } from '../path/relative-posix.ts';
import type { Problem } from '../problem/problem.ts';
import { renderProjectReport } from '../report/render-project-report.ts';
import type { EmittedFile } from './emitted-file.ts';
import { kebabCase } from './kebab-case.ts';

/**
 * The report of `project` in `reportDir` (absolute), paths relative to `root`. Never
 * throws: a model the renderers reject (two policies with one file name, which the
 * emit step reports first) comes back as a problem at the config file.
 */
export function emitReport(
  project: ProjectModel,
  root: string,
  reportDir: string,
  configFile: string,
): { files: EmittedFile[]; problems: Problem[] } {
  try {
    const files = renderProjectReport(project, { fileBase: (policy) => kebabCase(policy.name) });
    return {
      files: files.map((file) => ({
        path: relativePosix(root, path.join(reportDir, file.path)),
        content: file.content,
        report: true,
      })),
      problems: [],
    };
  } catch (error) {
    return {
      files: [],
      problems: [
        {
          code: 'PM052',
          file: relativePosix(root, configFile),
          line: 1,
          column: 1,
          message: `Rendering the report failed: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    };
  }
}
