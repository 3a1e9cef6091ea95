/**
 * Fresh matrices first: the generated module of every policy `bench` measures, from a
 * `check` of the project, or a problem per module that is stale or missing, naming the
 * cells that differ as `check` does. A benchmark of a stale matrix measures the wrong
 * thing. Other files (the index, reports) do not change what is measured and are not
 * judged here. Pure.
 */
import path from 'node:path';
import type { CheckedFile } from '../check/check.ts';
import type { ResolvedConfig } from '../config/resolved-config.ts';
import { describeCellDiff, formatCellChanges } from '../diff/format-cell-diff.ts';
import type { PolicyModel } from '../model/policy-model.ts';
import type { Problem } from '../problem/problem.ts';

/** Cells named per stale module before `… and N more cells`. */
const CELLS_NAMED = 10;

export function freshModules(
  files: readonly CheckedFile[],
  selected: readonly PolicyModel[],
  config: ResolvedConfig,
): { modules: Map<string, string>; problems: Problem[] } {
  const modules = new Map<string, string>();
  const problems: Problem[] = [];
  for (const file of files) {
    if (file.policy === undefined || file.report === true || file.status === 'extra') continue;
    const policy = selected.find((p) => p.name === file.policy);
    if (policy === undefined) continue;
    modules.set(policy.name, path.resolve(config.root, file.path));
    if (file.status === 'fresh') continue;
    const cells =
      file.cellDiff === undefined
        ? ''
        : `: ${describeCellDiff(file.cellDiff)} (file → policy): ${formatCellChanges(file.cellDiff, { limit: CELLS_NAMED }).join('; ')}`;
    problems.push({
      code: 'PM072',
      file: file.path,
      line: 1,
      column: 1,
      policy: policy.name,
      message: `${file.status === 'missing' ? 'Missing' : 'Stale'} generated module of ${policy.name}${cells}${file.note === undefined ? '' : ` (${file.note})`}. A benchmark of a stale matrix measures the wrong thing: run \`${config.regenerateCommand}\` first.`,
    });
  }
  return { modules, problems };
}
