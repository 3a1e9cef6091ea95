/**
 * The read step's output (plain data): each policy with its evaluated states, rules,
 * FROM/TO membership and the digests of the sources it depends on. The model step
 * turns it into the `ProjectModel`.
 */
import type { SourceLocation } from '../model/policy-model.ts';
import type { Problem } from '../problem/problem.ts';

export interface ReadRule {
  name: string;
  exportName: string;
  /** The config module generated code imports it from, project-relative. */
  module: string;
  location: SourceLocation;
  kind: 'rule' | 'transform';
  /** Membership over the policy's universe (states then null), `1` or `0` each. */
  from: string;
  to: string;
}

export interface ReadPolicy {
  name: string;
  exportName: string;
  /** The config module that exports it, project-relative. */
  module: string;
  location: SourceLocation;
  /** The state types, without null. */
  states: string[];
  rules: ReadRule[];
  priority: number[];
  /** Project files the policy depends on (its file's imports and its modules), project-relative, sorted. */
  sources: string[];
  /** `[file, sha256 of its text]` for each source outside the runtime: the inputs hash's share of sources. */
  sourceDigests: [string, string][];
  /** With `dynamicCells`: the dynamic filter's answer per cell, indices into `rules`. */
  dynamicCells?: number[][];
}

export interface ReadResult {
  /** Sorted by name (code-unit order). Empty for policies with problems. */
  policies: ReadPolicy[];
  problems: Problem[];
  /** Every project file the policies depend on (absolute): what watch mode watches. */
  watchFiles: string[];
  /** The names of every policy the config modules export, evaluated or not, sorted. */
  available: string[];
  /**
   * With `independentOf`: the files the evaluation loaded (absolute, sorted), other than
   * the config modules, whose static imports reach none of those files: what the warm
   * compiler's next child may import ahead of time.
   */
  independent?: string[];
}
