/**
 * `dump --json`: the contract read from the generated modules (what a hot path
 * imports), by importing the output folder's index in a child process; with `dynamic`,
 * from each policy's own dynamic filter (`compileTransitionRules`) instead.
 */
import path from 'node:path';
import { runChild } from '../child/run-child.ts';
import { loadConfig, type ConfigOptions } from '../config/load-config.ts';
import type { ResolvedConfig } from '../config/resolved-config.ts';
import { INDEX_FILE } from '../emit/emit-project.ts';
import { relativePosix } from '../path/relative-posix.ts';
import type { ProblemCode } from '../problem/diagnostics.ts';
import { compareCodeUnits, type Problem } from '../problem/problem.ts';
import { describeThrown, toThrownError } from '../problem/thrown-error.ts';
import { readProject } from '../read/read-project.ts';
import { readIfExists } from '../write/output-folder.ts';
import type { DumpCell, DumpContract, DumpPolicy } from './dump-contract.ts';

export interface DumpOptions extends ConfigOptions {
  /** Read each policy's dynamic filter instead of the generated modules. */
  dynamic?: boolean;
}

export interface DumpResult {
  ok: boolean;
  problems: Problem[];
  dump: DumpContract | undefined;
}

/** The dump of the generated modules, or of the dynamic filters. */
export async function dump(options: DumpOptions = {}): Promise<DumpResult> {
  const loaded = await loadConfig(options);
  if (loaded.config === undefined) return { ok: false, problems: loaded.problems, dump: undefined };
  return options.dynamic === true
    ? dumpDynamic(loaded.config, options.progress)
    : dumpGenerated(loaded.config);
}

async function dumpGenerated(config: ResolvedConfig): Promise<DumpResult> {
  const index = path.join(config.outDir, INDEX_FILE);
  const rel = relativePosix(config.root, index);
  const fail = (code: ProblemCode, message: string): DumpResult => ({
    ok: false,
    problems: [{ code, file: rel, line: 1, column: 1, message }],
    dump: undefined,
  });
  if (readIfExists(index) === undefined) {
    return fail(
      'PM062',
      `${rel} does not exist; run \`${config.regenerateCommand}\` first (or use --dynamic to read the policies themselves).`,
    );
  }
  let module;
  try {
    [module] = (
      await runChild({ kind: 'inspect', modules: [index] }, config.root, {
        timeoutMs: config.timeoutMs,
      })
    ).modules;
  } catch (error) {
    return fail('PM063', `Reading ${rel} failed: ${describeThrown(toThrownError(error))}`);
  }
  if (module === undefined || module.error !== undefined) {
    return fail(
      'PM063',
      `Importing ${rel} failed: ${module?.error === undefined ? 'no answer' : describeThrown(module.error)}. Run \`${config.regenerateCommand}\`.`,
    );
  }
  const policies: DumpPolicy[] = [];
  for (const policy of module.policies) {
    if (policy.source === undefined || policy.priority === undefined) {
      return fail(
        'PM063',
        `${rel} exports ${policy.name} without its metadata; run \`${config.regenerateCommand}\`.`,
      );
    }
    const size = policy.states.length;
    const cells: DumpCell[] = [];
    for (let f = 0; f < size; f++) {
      for (let t = 0; t < size; t++) {
        const rules = policy.distinctCells[policy.cells[f * size + t] as number] ?? [];
        cells.push({
          from: policy.states[f] ?? null,
          to: policy.states[t] ?? null,
          rules: [...rules],
        });
      }
    }
    policies.push({
      name: policy.name,
      source: policy.source,
      states: policy.states,
      priority: policy.priority,
      cells,
    });
  }
  policies.sort((a, b) => compareCodeUnits(a.name, b.name));
  return { ok: true, problems: [], dump: { policies } };
}

async function dumpDynamic(
  config: ResolvedConfig,
  progress: ((line: string) => void) | undefined,
): Promise<DumpResult> {
  const read = await readProject(config, {
    dynamicCells: true,
    ...(progress === undefined ? {} : { progress }),
  });
  if (read.problems.length > 0) return { ok: false, problems: read.problems, dump: undefined };
  const policies: DumpPolicy[] = read.policies.map((policy) => {
    const states = [...policy.states, null];
    const cells: DumpCell[] = [];
    states.forEach((from, f) =>
      states.forEach((to, t) => {
        const rules = policy.dynamicCells?.[f * states.length + t] ?? [];
        cells.push({ from, to, rules: rules.map((r) => policy.rules[r]?.name ?? '?') });
      }),
    );
    return {
      name: policy.name,
      source: policy.location.file,
      states,
      priority: policy.priority.map((r) => policy.rules[r]?.name ?? '?'),
      cells,
    };
  });
  return { ok: true, problems: [], dump: { policies } };
}
