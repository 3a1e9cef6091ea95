/**
 * What changes in the cells of generated modules on disk when they are regenerated:
 * each module is read back by importing it (in a child process, so a module edited
 * on disk is read fresh) and its matrix compared with the policy's model
 * (`diffPolicyCells`, on disk → model). Used by `check` for stale modules and by
 * `generate` and `watch` for the modules they are about to rewrite.
 */
import { runChild } from '../child/run-child.ts';
import type { CellSource } from '../diff/cell-table.ts';
import { diffPolicyCells, type PolicyCellDiff } from '../diff/diff-policy-cells.ts';
import type { PolicyModel } from '../model/policy-model.ts';
import { describeThrown, toThrownError } from '../problem/thrown-error.ts';
import type { InspectedModule } from './compiled-inspection.ts';

export interface ModuleToDiff {
  /** The generated module on disk, absolute. */
  module: string;
  /** The policy as it is now. */
  policy: PolicyModel;
}

export interface ModuleDiff {
  /** The cells that differ (disk → model); absent when the module could not be read back. */
  cellDiff?: PolicyCellDiff;
  /** Why the cells could not be compared, or what the diff does not show (state order). */
  note?: string;
}

/** One result per target, in order. Never throws: a failure becomes each target's note. */
export async function diffGeneratedModules(
  targets: readonly ModuleToDiff[],
  root: string,
): Promise<ModuleDiff[]> {
  if (targets.length === 0) return [];
  let inspected: InspectedModule[];
  try {
    inspected = (await runChild({ kind: 'inspect', modules: targets.map((t) => t.module) }, root))
      .modules;
  } catch (error) {
    inspected = targets.map((t) => ({
      module: t.module,
      error: toThrownError(error),
      policies: [],
    }));
  }
  return targets.map(({ policy }, index): ModuleDiff => {
    const module = inspected[index];
    if (module?.error !== undefined) {
      return {
        note: `it cannot be imported (${describeThrown(module.error)}), so its cells cannot be compared`,
      };
    }
    const actual = module?.policies.find((p) => p.name === policy.name);
    if (actual === undefined) return { note: `it exports no compiled policy named ${policy.name}` };
    return diffModuleCells(actual, policy);
  });
}

/**
 * The cells of `before` (a generated module's policy read back, or the model it was
 * generated from) compared with `policy`, with a note when only the state order differs
 * or the table cannot be read. Pure; never throws.
 */
export function diffModuleCells(
  before: CellSource & { states: readonly (string | null)[] },
  policy: PolicyModel,
): ModuleDiff {
  let cellDiff: PolicyCellDiff;
  try {
    cellDiff = diffPolicyCells(before, policy);
  } catch (error) {
    return {
      note: `its cell table cannot be read (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  const sameSet =
    before.states.length === policy.states.length &&
    before.states.every((state) => policy.states.includes(state));
  const sameOrder = sameSet && before.states.every((state, i) => state === policy.states[i]);
  return sameSet && !sameOrder
    ? {
        cellDiff,
        note: `its states are in the order [${before.states.map(String).join(', ')}], the policy's are [${policy.states.map(String).join(', ')}]`,
      }
    : { cellDiff };
}
