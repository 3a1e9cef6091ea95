/**
 * Static reading with ts-morph (the only module of the compiler that imports it): finds
 * the exports of the config modules, classifies classes by their `extends` chain
 * (policies extend `OrchestrationPolicy`, rules `OrchestrationRule`, transforms
 * `UniversalTransform`, through re-exports and any depth of inheritance), records
 * source positions, computes transitive sources and reports syntax errors (and a
 * tsconfig.json that cannot be read, which stops the reading: its options decide how
 * imports resolve).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Node, Project, ts, type ClassDeclaration, type SourceFile } from 'ts-morph';
import type { ResolvedConfig } from '../config/resolved-config.ts';
import { tsconfigProblem } from '../config/tsconfig-problem.ts';
import type { SourceLocation } from '../model/policy-model.ts';
import { relativePosix } from '../path/relative-posix.ts';
import type { Problem } from '../problem/problem.ts';
import { describeThrown, toThrownError } from '../problem/thrown-error.ts';
import type { DiscoveredExport, Discovery, ExportKind, MemberName } from './discovery.ts';

const BASES: Readonly<Record<string, ExportKind>> = {
  OrchestrationPolicy: 'policy',
  OrchestrationRule: 'rule',
  UniversalTransform: 'transform',
};
const MEMBERS: readonly MemberName[] = ['STATES', 'priority', 'FROM_STATES', 'TO_STATES'];

/** Compiler options when the project has no tsconfig.json: ESM TypeScript, any import style. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowImportingTsExtensions: true,
  allowJs: true,
  noEmit: true,
};

/**
 * A ts-morph project kept between reads by a long-lived caller (the warm compiler of
 * watch and the build plugin), so that an edit re-parses only the files that changed.
 * Opaque outside the read step.
 */
export interface DiscoveryCache {
  /** @internal */
  project?: Project;
  /** @internal The tsconfig.json the project was made from (path and modification time). */
  stamp?: string;
}

/** An empty cache: the first read fills it. */
export function createDiscoveryCache(): DiscoveryCache {
  return {};
}

/**
 * Reads the config's modules and everything they import. Never throws for user errors.
 * With a `cache`, reuses its project: every file it holds is re-read from disk (a file
 * whose text is unchanged keeps its parsed tree), deleted files are dropped, and a
 * changed tsconfig.json makes a new project.
 */
export function discoverProject(config: ResolvedConfig, cache?: DiscoveryCache): Discovery {
  const tsconfigFile = path.join(config.root, 'tsconfig.json');
  const tsconfig = existsSync(tsconfigFile) ? tsconfigFile : undefined;
  const broken = tsconfig === undefined ? undefined : tsconfigProblem(ts, tsconfig, config.root);
  if (broken !== undefined) return unread(broken, tsconfig);
  let project: Project;
  try {
    project = projectFor(config, tsconfig, cache);
  } catch (error) {
    // ts-morph throws for a tsconfig.json it cannot parse; tsconfigProblem catches the
    // known cases first, this any other.
    return unread(
      {
        code: 'PM011',
        file: relativePosix(config.root, tsconfig ?? tsconfigFile),
        line: 1,
        column: 1,
        message: `Reading tsconfig.json failed (${describeThrown(toThrownError(error))}); fix it, or remove it to use the defaults.`,
      },
      tsconfig,
    );
  }
  const modules = config.modules.map((module) => project.addSourceFileAtPath(module));
  // The runtime's own files are no input of a policy. A runtime named by package resolves
  // into node_modules (never read) or, in a workspace or the package itself, to project
  // files; an in-memory probe module finds out which.
  const probe =
    config.runtime.kind === 'package'
      ? project.createSourceFile(
          path.join(config.root, '__policy_matrix_runtime_probe__.ts'),
          `export * from ${JSON.stringify(config.runtime.specifier)};`,
          { overwrite: true },
        )
      : undefined;
  let runtimeFile =
    config.runtime.kind === 'file' ? project.addSourceFileAtPath(config.runtime.file) : undefined;
  project.resolveSourceFileDependencies();
  if (probe !== undefined) {
    const resolved = probe.getExportDeclarations()[0]?.getModuleSpecifierSourceFile();
    runtimeFile = resolved === undefined || isExternal(resolved) ? undefined : resolved;
    project.removeSourceFile(probe);
  }

  const root = config.root;
  const locate = (node: Node): SourceLocation => {
    const sourceFile = node.getSourceFile();
    const { line, column } = sourceFile.getLineAndColumnAtPos(node.getStart());
    return { file: relativePosix(root, sourceFile.getFilePath()), line, column };
  };

  const closures = new Map<string, readonly string[]>();
  const texts = new Map<string, string>();
  const sourcesOf = (file: string): readonly string[] => {
    let closure = closures.get(file);
    if (closure === undefined) {
      const start = project.getSourceFile(file);
      closure = start === undefined ? [file] : transitiveSources(start, texts);
      closures.set(file, closure);
    }
    return closure;
  };

  const exports: DiscoveredExport[] = [];
  for (const module of modules) {
    const exported = module.getExportedDeclarations();
    for (const exportName of [...exported.keys()].sort()) {
      for (const declaration of exported.get(exportName) ?? []) {
        const discovered = describeDeclaration(declaration, exportName, module, locate);
        if (discovered !== undefined) exports.push(discovered);
      }
    }
  }

  const problems: Problem[] = [];
  const brokenFiles = new Set<string>();
  const classes = new Map<string, SourceLocation[]>();
  const program = project.getProgram().compilerObject;
  const seen = new Set<string>();
  for (const start of [...modules, ...(runtimeFile === undefined ? [] : [runtimeFile])]) {
    for (const file of sourcesOf(start.getFilePath())) {
      if (seen.has(file)) continue;
      seen.add(file);
      const sourceFile = project.getSourceFile(file);
      if (sourceFile === undefined) continue;
      // Only the first syntax error of a file: the parser's later ones are mostly its echoes.
      for (const diagnostic of program
        .getSyntacticDiagnostics(sourceFile.compilerNode)
        .slice(0, 1)) {
        const { line, column } = sourceFile.getLineAndColumnAtPos(diagnostic.start ?? 0);
        brokenFiles.add(file);
        problems.push({
          code: 'PM020',
          file: relativePosix(root, file),
          line,
          column,
          message: `Syntax error: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')} Fix it so that the module can be imported.`,
        });
      }
      for (const declaration of sourceFile.getClasses()) {
        const name = declaration.getName();
        if (name === undefined) continue;
        const list = classes.get(name) ?? [];
        list.push(locate(declaration.getNameNode() ?? declaration));
        classes.set(name, list);
      }
    }
  }

  const runtimeFiles = new Set(
    runtimeFile === undefined ? [] : sourcesOf(runtimeFile.getFilePath()),
  );
  const exporterOf = (
    name: string,
    files: readonly string[],
  ): { specifier: string } | { file: string } | undefined => {
    for (const file of files) {
      const sourceFile = project.getSourceFile(file);
      if (sourceFile === undefined || runtimeFiles.has(file)) continue;
      for (const declaration of [
        ...sourceFile.getImportDeclarations(),
        ...sourceFile.getExportDeclarations(),
      ]) {
        const target = declaration.getModuleSpecifierSourceFile();
        const specifier = declaration.getModuleSpecifierValue();
        if (target === undefined || specifier === undefined) continue;
        const bare = !specifier.startsWith('.') && !path.isAbsolute(specifier);
        const outside = bare || isExternal(target) || runtimeFiles.has(target.getFilePath());
        if (!outside || !target.getExportedDeclarations().has(name)) continue;
        return bare ? { specifier } : { file: target.getFilePath() };
      }
    }
    return undefined;
  };

  return {
    exports,
    exporterOf,
    sourcesOf,
    runtimeFiles,
    classes,
    texts,
    problems,
    tsconfig,
    brokenFiles,
  };
}

/**
 * The export conditions the running Node was given (`--conditions`/`-C`, on the command
 * line or in NODE_OPTIONS), which the evaluation child process inherits.
 */
function nodeConditions(): string[] {
  const words = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  const found: string[] = [];
  words.forEach((word, index) => {
    const inline = /^(?:--conditions|-C)=(.+)$/.exec(word);
    if (inline !== null) found.push(inline[1] as string);
    else if ((word === '--conditions' || word === '-C') && words[index + 1] !== undefined)
      found.push(words[index + 1] as string);
  });
  return found;
}

/** The discovery of a project whose tsconfig.json cannot be read: nothing but `problem`. */
function unread(problem: Problem, tsconfig: string | undefined): Discovery {
  return {
    exports: [],
    exporterOf: () => undefined,
    sourcesOf: (file) => [file],
    runtimeFiles: new Set(),
    classes: new Map(),
    texts: new Map(),
    problems: [problem],
    tsconfig,
    brokenFiles: new Set(),
  };
}

function describeDeclaration(
  declaration: Node,
  exportName: string,
  module: SourceFile,
  locate: (node: Node) => SourceLocation,
): DiscoveredExport | undefined {
  const file = declaration.getSourceFile().getFilePath();
  if (Node.isClassDeclaration(declaration)) {
    const chain = inheritanceChain(declaration);
    const base = chain.find((cls) => BASES[cls.getName() ?? ''] !== undefined);
    const kind = base === undefined ? 'other' : (BASES[base.getName() ?? ''] as ExportKind);
    const members: DiscoveredExport['members'] = {};
    const own = base === undefined ? chain : chain.slice(0, chain.indexOf(base));
    for (const member of MEMBERS) {
      const found = own.map((cls) => cls.getStaticMember(member)).find((m) => m !== undefined);
      if (found !== undefined)
        members[member] = locate(Node.hasName(found) ? found.getNameNode() : found);
    }
    return {
      module: module.getFilePath(),
      exportName,
      declaredName: declaration.getName() ?? exportName,
      kind,
      abstract: declaration.isAbstract() || base === declaration,
      file,
      location: locate(declaration.getNameNode() ?? declaration),
      members,
    };
  }
  if (Node.isVariableDeclaration(declaration) || Node.isFunctionDeclaration(declaration)) {
    const nameNode = declaration.getNameNode() ?? declaration;
    return {
      module: module.getFilePath(),
      exportName,
      declaredName: declaration.getName() ?? exportName,
      kind: 'other',
      abstract: false,
      file,
      location: locate(nameNode),
      members: {},
    };
  }
  return undefined;
}

/** The class and its ancestors, nearest first (stops at a cycle or an unresolved base). */
function inheritanceChain(declaration: ClassDeclaration): ClassDeclaration[] {
  const chain: ClassDeclaration[] = [];
  for (
    let current: ClassDeclaration | undefined = declaration;
    current !== undefined;
    current = current.getBaseClass()
  ) {
    if (chain.includes(current)) break;
    chain.push(current);
  }
  return chain;
}

/** A new ts-morph project for `config`, or the cached one brought up to date with the disk. */
function projectFor(
  config: ResolvedConfig,
  tsconfig: string | undefined,
  cache: DiscoveryCache | undefined,
): Project {
  const stamp = `${tsconfig ?? 'none'}\0${tsconfig !== undefined ? statSync(tsconfig).mtimeMs : ''}`;
  if (cache?.project !== undefined && cache.stamp === stamp) {
    for (const sourceFile of cache.project.getSourceFiles()) sourceFile.refreshFromFileSystemSync();
    return cache.project;
  }
  // Only the config's modules and what they import are read: no lib files and no
  // ambient `types` (reading @types/node alone would take seconds), since nothing here
  // type-checks; resolving imports and `extends` chains needs neither.
  const project =
    tsconfig !== undefined
      ? new Project({
          tsConfigFilePath: tsconfig,
          skipAddingFilesFromTsConfig: true,
          skipLoadingLibFiles: true,
          compilerOptions: { types: [] },
        })
      : new Project({
          compilerOptions: { ...DEFAULT_OPTIONS, types: [] },
          skipLoadingLibFiles: true,
        });
  // Imports resolve as the evaluation resolves them: with the export conditions Node
  // runs under (`--conditions`, as this repository's .npmrc sets for its sources).
  const conditions = nodeConditions();
  if (conditions.length > 0) {
    const own = project.compilerOptions.get().customConditions ?? [];
    project.compilerOptions.set({ customConditions: [...new Set([...own, ...conditions])] });
  }
  if (cache !== undefined) {
    cache.project = project;
    cache.stamp = stamp;
  }
  return project;
}

/** `start` and every project file it imports or re-exports, transitively; sorted. */
function transitiveSources(start: SourceFile, texts: Map<string, string>): string[] {
  const found = new Set<string>();
  const pending: SourceFile[] = [start];
  while (pending.length > 0) {
    const sourceFile = pending.pop() as SourceFile;
    const file = sourceFile.getFilePath();
    if (found.has(file) || isExternal(sourceFile)) continue;
    found.add(file);
    if (!texts.has(file)) texts.set(file, sourceFile.getFullText());
    for (const declaration of [
      ...sourceFile.getImportDeclarations(),
      ...sourceFile.getExportDeclarations(),
    ]) {
      const target = declaration.getModuleSpecifierSourceFile();
      if (target !== undefined) pending.push(target);
    }
  }
  return [...found].sort();
}

function isExternal(sourceFile: SourceFile): boolean {
  return sourceFile.isDeclarationFile() || sourceFile.isInNodeModules();
}
