/**
 * The per-cell difference between two versions of a whole project: policies added,
 * removed, and, for policies on both sides, their cell diffs. Policies are matched by
 * name.
 */
import type { CellSource } from './cell-table.ts';
import { diffPolicyCells, hasCellChanges, type PolicyCellDiff } from './diff-policy-cells.ts';

/** A project's policies: a `ProjectModel`, the parsed output of `dump --json`, or generated modules read back. */
export interface PolicySet {
  policies: readonly CellSource[];
}

export interface ProjectCellDiff {
  /** Names of policies only in `after`, sorted by code unit. */
  added: readonly string[];
  /** Names of policies only in `before`, sorted by code unit. */
  removed: readonly string[];
  /** Diffs of policies on both sides that changed, sorted by policy name. */
  changed: readonly PolicyCellDiff[];
}

/**
 * Compares two versions of a project. Pure; throws a `TypeError` naming the policy when
 * a side lists two policies with one name.
 */
export function diffProjectCells(before: PolicySet, after: PolicySet): ProjectCellDiff {
  const old = byName(before, 'before');
  const now = byName(after, 'after');
  const added = [...now.keys()].filter((name) => !old.has(name)).sort(compareCodeUnits);
  const removed = [...old.keys()].filter((name) => !now.has(name)).sort(compareCodeUnits);
  const changed = [...now.keys()]
    .filter((name) => old.has(name))
    .sort(compareCodeUnits)
    .map((name) => diffPolicyCells(old.get(name)!, now.get(name)!))
    .filter(hasCellChanges);
  return { added, removed, changed };
}

/** True when anything differs. Pure. */
export function hasProjectCellChanges(diff: ProjectCellDiff): boolean {
  return diff.added.length > 0 || diff.removed.length > 0 || diff.changed.length > 0;
}

function byName(set: PolicySet, side: string): Map<string, CellSource> {
  const policies = new Map<string, CellSource>();
  for (const policy of set.policies) {
    if (policies.has(policy.name)) {
      throw new TypeError(
        `The ${side} project lists two policies named ${policy.name}; policy names must be unique.`,
      );
    }
    policies.set(policy.name, policy);
  }
  return policies;
}

/** Plain code-unit order (not `localeCompare`, which depends on the ICU version). */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
