/**
 * The last step of the runtime package's build (`npm run build` in src/, run by
 * `npm pack`): ships the bundled Orion preset's compiled matrices, built from the
 * committed `generated/` (the one source of truth; CI's `npm run check` keeps it equal
 * to the policies), after `tsc` has compiled src/ into src/dist/. Writes:
 *
 * - `dist/orion/matrices/generated/*.js` (+ `.d.ts`): each generated module, with its
 *   imports of the runtime sources rewritten to the compiled runtime beside it;
 * - `dist/orion/matrices/index.js`: the `policy-matrix/orion/matrices` entry, the six
 *   matrices and `ORION_MATRICES`, the engine's rule sources made of them;
 * - `dist/orion/entry.js` and `dist/testing/entry.js`: the `policy-matrix/orion` and
 *   `policy-matrix/testing` entries, which install `ORION_MATRICES` as the default rule
 *   sources of every engine, then re-export the runtime's own index.
 *
 * The runtime's sources never import the generated modules (see
 * src/orion/engine/default-rule-sources.ts for why): only these build-time modules do.
 * Each is written as TypeScript next to where its JavaScript goes, compiled against
 * the declarations `tsc` just emitted (so the shipped types are checked too), then
 * removed. Any import in a generated module other than the runtime's two entries and
 * its sibling modules stops the build, naming it.
 */
import { readdirSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GENERATED = path.join(REPO, 'generated');
const DIST = path.join(REPO, 'src', 'dist');
const MATRICES = path.join(DIST, 'orion', 'matrices');

/** What each runtime import of a generated module becomes, from dist/orion/matrices/generated/. */
const RUNTIME_SPECIFIERS: Readonly<Record<string, string>> = {
  '../src/index.ts': '../../../index.js',
  '../src/orion/index.ts': '../../index.js',
};

/** The six matrices, by the engine's rule-source key. */
const ORION_MATRIX_NAMES = {
  coreFlow: 'CoreFlowPolicyMatrix',
  coreTask: 'CoreTaskPolicyMatrix',
  minimalFlow: 'MinimalFlowPolicyMatrix',
  minimalTask: 'MinimalTaskPolicyMatrix',
  globalFlow: 'GlobalFlowPolicyMatrix',
  globalTask: 'GlobalTaskPolicyMatrix',
} as const;

const BANNER = '// Written by scripts/package/build-orion-matrices.ts at pack time. DO NOT EDIT.\n';

function main(): void {
  rmSync(MATRICES, { recursive: true, force: true });
  const staged: string[] = [];
  const stage = (file: string, text: string): void => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    staged.push(file);
  };

  const modules = readdirSync(GENERATED)
    .filter((name) => name.endsWith('.ts'))
    .sort();
  if (!modules.includes('index.ts')) {
    throw new Error(`${GENERATED}/index.ts is missing: run \`npm run generate\` first.`);
  }
  for (const name of modules) {
    const source = readFileSync(path.join(GENERATED, name), 'utf8');
    stage(path.join(MATRICES, 'generated', name), rewriteImports(name, source));
  }

  const names = Object.values(ORION_MATRIX_NAMES);
  stage(
    path.join(MATRICES, 'index.ts'),
    `${BANNER}/**
 * policy-matrix/orion/matrices: the bundled Orion preset's six compiled matrices (and
 * everything else the generated modules export), and \`ORION_MATRICES\`, the engine's
 * rule sources made of them: what an \`OrionEngine\` given no \`policies\` uses.
 */
import type { OrionRuleSources } from '../index.js';
import { ${names.join(', ')} } from './generated/index.js';

export * from './generated/index.js';

export const ORION_MATRICES = Object.freeze({
${Object.entries(ORION_MATRIX_NAMES)
  .map(([key, name]) => `  ${key}: ${name},`)
  .join('\n')}
}) satisfies OrionRuleSources;
`,
  );
  const entry = (fromEntry: string): string =>
    `${BANNER}// The package's entry module: installs the compiled Orion matrices as every engine's
// default rule sources, then re-exports the runtime's own index.
import { installDefaultOrionRuleSources } from '${fromEntry}/orion/engine/default-rule-sources.js';
import { ORION_MATRICES } from '${fromEntry}/orion/matrices/index.js';

installDefaultOrionRuleSources(ORION_MATRICES);

export * from './index.js';
`;
  stage(path.join(DIST, 'orion', 'entry.ts'), entry('..'));
  stage(path.join(DIST, 'testing', 'entry.ts'), entry('..'));

  try {
    compile(staged);
  } finally {
    for (const file of staged) rmSync(file, { force: true });
  }
}

/**
 * `source` with the specifiers of its import and export declarations rewritten for
 * dist; throws on any other import.
 */
function rewriteImports(name: string, source: string): string {
  const file = ts.createSourceFile(name, source, ts.ScriptTarget.Latest, false);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const literal = statement.moduleSpecifier;
    if (literal === undefined || !ts.isStringLiteral(literal)) continue;
    const specifier = literal.text;
    const rewritten =
      RUNTIME_SPECIFIERS[specifier] ??
      (/^\.\/[a-z0-9-]+\.ts$/.test(specifier) ? specifier.replace(/\.ts$/, '.js') : undefined);
    if (rewritten === undefined) {
      throw new Error(
        `generated/${name} imports '${specifier}', which the package build does not know how to ship: ` +
          `the generated Orion modules may import only ${Object.keys(RUNTIME_SPECIFIERS).join(' and ')} ` +
          `and each other (as policy-matrix.config.ts configures them); for another import, extend ` +
          `RUNTIME_SPECIFIERS in scripts/package/build-orion-matrices.ts.`,
      );
    }
    edits.push({ start: literal.getStart(file), end: literal.getEnd(), text: `'${rewritten}'` });
  }
  let text = source;
  for (const edit of edits.reverse()) {
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  }
  return text;
}

/** Compiles the staged modules in place (JavaScript and declarations); throws with every diagnostic. */
function compile(files: readonly string[]): void {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts', 'lib.esnext.disposable.d.ts'],
    types: [],
    strict: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    declaration: true,
    skipLibCheck: true,
    noEmitOnError: true,
  };
  const program = ts.createProgram({ rootNames: [...files], options });
  const emitted = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (diagnostics.length > 0) {
    const host: ts.FormatDiagnosticsHost = {
      getCanonicalFileName: (file) => file,
      getCurrentDirectory: () => REPO,
      getNewLine: () => '\n',
    };
    throw new Error(
      `The Orion matrices did not compile against the runtime's declarations:\n${ts.formatDiagnostics(diagnostics, host)}`,
    );
  }
}

main();
