/**
 * `check`: compiles in memory and compares with the output folder. Fresh when every
 * file is byte-identical and no generated file is left over. For each stale policy
 * module it reads the file back (in a child process) and names the cells that differ.
 */
import path from 'node:path';
import { runChild } from '../child/run-child.ts';
import { compileProject } from '../compile/compile-project.ts';
import type { ConfigOptions } from '../config/load-config.ts';
import type { InspectedModule } from '../inspect/compiled-inspection.ts';
import type { PolicyModel } from '../model/policy-model.ts';
import { relativePosix } from '../path/relative-posix.ts';
import { compareCodeUnits, type Problem } from '../problem/problem.ts';
import { describeThrown, toThrownError } from '../problem/thrown-error.ts';
import { readGeneratedFiles, readIfExists } from '../write/output-folder.ts';
import { cellDifferences, type CellDifference } from './cell-difference.ts';

export type CheckStatus = 'fresh' | 'stale' | 'missing' | 'extra';

export interface CheckedFile {
  /** Project-relative POSIX path. */
  path: string;
  status: CheckStatus;
  policy?: string;
  /** For a stale policy module: the cells whose rules differ. */
  differences?: CellDifference[];
  /** For a stale file: why, when the cells alone do not say. */
  note?: string;
}

export interface CheckResult {
  /** True when the project compiles and the output folder is fresh. */
  ok: boolean;
  problems: Problem[];
  /** Every expected file and every left-over generated file, by path. */
  files: CheckedFile[];
  /** The output folder, project-relative. */
  outDir: string | undefined;
  /** The command that makes the folder fresh, from the config. */
  regenerateCommand: string | undefined;
}

/** Compares the output folder with what `generate` would write. Writes nothing. */
export async function check(options: ConfigOptions = {}): Promise<CheckResult> {
  const compiled = await compileProject(options);
  const { config, model } = compiled;
  if (compiled.problems.length > 0 || config === undefined || model === undefined) {
    return {
      ok: false,
      problems: compiled.problems,
      files: [],
      outDir: config === undefined ? undefined : relativePosix(config.root, config.outDir),
      regenerateCommand: config?.regenerateCommand,
    };
  }
  const files: CheckedFile[] = [];
  const stale: { file: CheckedFile; policy: PolicyModel; absolute: string }[] = [];
  const expected = new Set<string>();
  for (const emitted of compiled.files) {
    const absolute = path.resolve(config.root, emitted.path);
    expected.add(absolute);
    const current = readIfExists(absolute);
    const checked: CheckedFile = {
      path: emitted.path,
      status: current === undefined ? 'missing' : current === emitted.content ? 'fresh' : 'stale',
    };
    if (emitted.policy !== undefined) checked.policy = emitted.policy;
    files.push(checked);
    const policy = model.policies.find((p) => p.name === emitted.policy);
    if (checked.status === 'stale' && policy !== undefined)
      stale.push({ file: checked, policy, absolute });
  }
  for (const file of readGeneratedFiles(config.outDir).keys()) {
    if (!expected.has(file))
      files.push({ path: relativePosix(config.root, file), status: 'extra' });
  }

  if (stale.length > 0) {
    let inspected: InspectedModule[];
    try {
      inspected = (
        await runChild({ kind: 'inspect', modules: stale.map((s) => s.absolute) }, config.root)
      ).modules;
    } catch (error) {
      inspected = stale.map((s) => ({
        module: s.absolute,
        error: toThrownError(error),
        policies: [],
      }));
    }
    stale.forEach(({ file, policy }, index) => {
      const module = inspected[index];
      const actual = module?.policies.find((p) => p.name === policy.name);
      if (module?.error !== undefined) {
        file.note = `it cannot be imported (${describeThrown(module.error)}), so its cells cannot be compared`;
      } else if (actual === undefined) {
        file.note = `it exports no compiled policy named ${policy.name}`;
      } else {
        file.differences = cellDifferences(policy, actual);
        if (
          actual.states.length !== policy.states.length ||
          actual.states.some((s, i) => s !== policy.states[i])
        ) {
          file.note = `its states are [${actual.states.map(String).join(', ')}], the policy's are [${policy.states.map(String).join(', ')}]`;
        } else if (file.differences.length === 0) {
          file.note =
            "no cell differs; its text does (banner and inputs hash, imports or layout), for example after an edit to the policy's sources";
        }
      }
    });
  }

  files.sort((a, b) => compareCodeUnits(a.path, b.path));
  return {
    ok: files.every((file) => file.status === 'fresh'),
    problems: [],
    files,
    outDir: relativePosix(config.root, config.outDir),
    regenerateCommand: config.regenerateCommand,
  };
}
