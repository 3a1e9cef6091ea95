/**
 * The compiler's model: plain, serialisable data describing each policy and its full
 * transition matrix. The read step produces it, the emit, check, report and lint steps
 * consume it; none of them needs ts-morph or the policy classes themselves.
 */

/** A source position: project-relative POSIX path, 1-based line and column. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** One rule or transform class a policy lists. */
export interface RuleModel {
  /** The class name: what `dump --json` and reports show. */
  name: string;
  /** The name the class is exported under (what generated code imports). */
  exportName: string;
  location: SourceLocation;
  /** `transform` for `UniversalTransform` subclasses, `rule` otherwise. */
  kind: 'rule' | 'transform';
  /** Members of FROM_STATES within the policy's universe, in universe order. */
  from: (string | null)[];
  /** Members of TO_STATES within the policy's universe, in universe order. */
  to: (string | null)[];
  /** The config module generated code imports it from (project-relative POSIX path). */
  module: string;
}

export interface PolicyModel {
  /** The policy's class name. */
  name: string;
  exportName: string;
  location: SourceLocation;
  /** The universe in index order: the policy's state types, then `null`. */
  states: (string | null)[];
  /** The distinct rules of the priority list, in order of first appearance. */
  rules: RuleModel[];
  /** The priority list as indices into `rules` (a rule listed twice appears twice). */
  priority: number[];
  /** Each distinct cell once: indices into `rules`, in priority order. */
  distinctCells: number[][];
  /** The flat row-major matrix, `states.length ** 2` entries: indices into `distinctCells`. */
  cells: number[];
  /** Hash of everything the generated module depends on (sources and evaluated sets). */
  inputsHash: string;
  /** The config module that exports the policy (project-relative POSIX path). */
  module: string;
  /** The project files the policy depends on, project-relative, sorted: what watch mode watches. */
  sources: string[];
}

/** Every policy the config names, sorted by name with a plain code-unit comparison. */
export interface ProjectModel {
  policies: PolicyModel[];
}
