/**
 * What static reading of the project finds (plain data): every export of the config
 * modules with its class kind and source positions, each file's transitive project
 * sources, and syntax errors.
 */
import type { SourceLocation } from '../model/policy-model.ts';
import type { Problem } from '../problem/problem.ts';

/** A base class of the runtime, found by walking `extends` chains. */
export type ExportKind = 'policy' | 'rule' | 'transform' | 'other';

/** Static members that decide evaluation, found on the class or its nearest ancestor. */
export type MemberName = 'STATES' | 'priority' | 'FROM_STATES' | 'TO_STATES';

export interface DiscoveredExport {
  /** The config module that exports it (absolute). */
  module: string;
  exportName: string;
  /** The declared name (a class's name; for other declarations, the variable's). */
  declaredName: string;
  kind: ExportKind;
  /** Abstract classes are bases, never compiled. */
  abstract: boolean;
  /** The declaring file (absolute). */
  file: string;
  location: SourceLocation;
  /** Where the members that decide evaluation are declared (class or nearest user ancestor). */
  members: Partial<Record<MemberName, SourceLocation>>;
}

export interface Discovery {
  /** Every export of every config module, in config order then export-name order. */
  exports: DiscoveredExport[];
  /** Each file's transitive sources (itself included), absolute, outside node_modules, sorted. */
  sourcesOf(file: string): readonly string[];
  /** Files of the runtime the config names (excluded from input hashes). */
  runtimeFiles: ReadonlySet<string>;
  /** Every class declared in a project file, by name (to locate classes that are not exported). */
  classes: ReadonlyMap<string, readonly SourceLocation[]>;
  /** Source text of each project file read, for input hashes. */
  texts: ReadonlyMap<string, string>;
  /** Syntax errors and an unreadable tsconfig.json, located. */
  problems: Problem[];
  /** The project's tsconfig.json (absolute), when there is one: read, or reported unreadable. */
  tsconfig: string | undefined;
  /** Files with syntax errors (absolute). */
  brokenFiles: ReadonlySet<string>;
  /**
   * Where a class that no config module exports can be imported from: the first module
   * that `files` import from outside the project's own code (by a package specifier,
   * or a file of the runtime) and that exports `name`: the package specifier, or the
   * runtime file's absolute path.
   */
  exporterOf(
    name: string,
    files: readonly string[],
  ): { specifier: string } | { file: string } | undefined;
}
