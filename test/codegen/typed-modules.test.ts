/**
 * Typed generated modules: each exports its policy's state union (`<Policy>State`), the
 * frozen literal codes (`<Policy>Codes`) and the code of `null` (`<Policy>NullCode`),
 * and its matrix is a `CompiledPolicy<<Policy>State>`. Snippets are type-checked with
 * the TypeScript compiler against a generated project whose state names are also
 * property names of every object ("__proto__", "constructor", "null", "1"), and
 * against this repository's generated/.
 */
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTypeScript } from '../../codegen/emit/format-typescript.ts';
import { generate } from '../../codegen/index.ts';
import type { CompiledPolicy } from '../../src/index.ts';
import { REPO_ROOT, removeProject, scratchProject } from './support/fixture-project.ts';
import { verifyCodes } from './support/verify-generated-child.ts';

const STATES = [
  'draft',
  'published',
  'null',
  '__proto__',
  'constructor',
  'toString',
  '1',
  'default',
];

const POLICIES = `import { OrchestrationPolicy, OrchestrationRule, type RuleClass } from '../../../../src/index.ts';

export class Publish extends OrchestrationRule {
  static override FROM_STATES = new Set<string | null>(['draft']);
  static override TO_STATES = new Set<string | null>(['published']);
}

export class DocumentPolicy extends OrchestrationPolicy {
  static override STATES = ${JSON.stringify(STATES)};
  static override priority(): RuleClass[] {
    return [Publish];
  }
}
`;

/** Snippets type-checked in one program, each its own file in the project folder. */
const IMPORTS = `import type { CompiledPolicy, RuleClass } from '../../../src/index.ts';
import { CoreTaskPolicyCodes, CoreTaskPolicyMatrix } from '../../../generated/index.ts';
import {
  DocumentPolicyCodes as Codes,
  DocumentPolicyMatrix as Matrix,
  DocumentPolicyNullCode,
  type DocumentPolicyState,
} from './generated/index.ts';
`;
const SNIPPETS = {
  valid: `${IMPORTS}
export const draft: 0 = Codes.draft;
export const proto: 3 = Codes['__proto__'];
export const one: 6 = Codes['1'];
export const none: 8 = DocumentPolicyNullCode;
export const publish: readonly RuleClass[] = Matrix.at(Codes.draft, Codes.published);
export const fromNull: readonly RuleClass[] = Matrix.at(DocumentPolicyNullCode, Codes.null);
export const byName: readonly RuleClass[] = Matrix.rules('null', null);
export const code: number = Matrix.code('__proto__');
export const states: readonly (DocumentPolicyState | null)[] = Matrix.states;
export const names: DocumentPolicyState[] = ['constructor', 'toString', 'default'];
export const loose: CompiledPolicy = Matrix;
export const anyState = (state: string): readonly RuleClass[] => loose.rules(state, null);
export const running = CoreTaskPolicyMatrix.at(CoreTaskPolicyCodes.RUNNING, CoreTaskPolicyCodes.COMPLETED);
`,
  misspeltRules: `${IMPORTS}
Matrix.rules('drafts', 'published');
`,
  misspeltCode: `${IMPORTS}
Matrix.code('Draft');
`,
  misspeltCodesKey: `${IMPORTS}
Matrix.at(Codes.drafts, Codes.published);
`,
  misspeltCoreTask: `${IMPORTS}
CoreTaskPolicyMatrix.rules('RUNING', 'COMPLETED');
`,
};

/** The messages of the type errors in each snippet, keyed like SNIPPETS. */
function typeErrors(root: string): Record<keyof typeof SNIPPETS, string[]> {
  const files = Object.keys(SNIPPETS).map((name) => path.join(root, `${name}.ts`));
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts'],
    types: ['node'],
    typeRoots: [path.join(REPO_ROOT, 'node_modules/@types')],
    strict: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    allowImportingTsExtensions: true,
    isolatedModules: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const result = {} as Record<keyof typeof SNIPPETS, string[]>;
  for (const name of Object.keys(SNIPPETS) as (keyof typeof SNIPPETS)[]) {
    const file = program.getSourceFile(path.join(root, `${name}.ts`));
    if (file === undefined) throw new Error(`The snippet ${name} is not in the program.`);
    result[name] = [
      ...program.getSyntacticDiagnostics(file),
      ...program.getSemanticDiagnostics(file),
    ].map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
  }
  return result;
}

describe('typed generated modules', () => {
  let root: string;
  let exports: { DocumentPolicyMatrix: CompiledPolicy } & Record<string, unknown>;
  let errors: Record<keyof typeof SNIPPETS, string[]>;

  beforeAll(async () => {
    root = scratchProject('typed');
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'src/policies.ts'), POLICIES);
    const result = await generate({
      cwd: root,
      config: {
        modules: ['./src/policies.ts'],
        runtime: '../../../src/index.ts',
        importExtension: '.ts',
      },
    });
    expect(result.problems).toEqual([]);
    for (const [name, text] of Object.entries(SNIPPETS)) {
      writeFileSync(path.join(root, `${name}.ts`), text);
    }
    exports = (await import(
      pathToFileURL(path.join(root, 'generated/index.ts')).href
    )) as typeof exports;
    errors = typeErrors(root);
  }, 120_000);
  afterAll(() => removeProject(root));

  it('export codes equal to code(), with the state names as own keys of a plain object', () => {
    const matrix = exports.DocumentPolicyMatrix;
    expect(verifyCodes(matrix, exports)).toEqual([]);
    expect(exports.DocumentPolicyCodes).toEqual(
      Object.fromEntries(STATES.map((state, index) => [state, index])),
    );
    expect(exports.DocumentPolicyNullCode).toBe(8);
    expect(matrix.at(0, 1)).toEqual(matrix.rules('draft', 'published'));
  });

  it('are left unchanged by the pinned prettier options', async () => {
    const text = readFileSync(path.join(root, 'generated/document-policy.ts'), 'utf8');
    expect(await formatTypeScript(text)).toBe(text);
  });

  it('type-check indexing with literal codes, state names and the string-typed CompiledPolicy', () => {
    expect(errors.valid).toEqual([]);
  });

  it('make a misspelt state a compile error naming the misspelling', () => {
    expect(errors.misspeltRules).toEqual([
      `Argument of type '"drafts"' is not assignable to parameter of type 'DocumentPolicyState | null'.`,
    ]);
    expect(errors.misspeltCode).toEqual([
      `Argument of type '"Draft"' is not assignable to parameter of type 'DocumentPolicyState | null'.`,
    ]);
    expect(errors.misspeltCoreTask).toEqual([
      `Argument of type '"RUNING"' is not assignable to parameter of type 'CoreTaskPolicyState | null'.`,
    ]);
  });

  it('make a misspelt key of the codes a compile error naming it', () => {
    expect(errors.misspeltCodesKey).toHaveLength(1);
    expect(errors.misspeltCodesKey[0]).toMatch(/^Property 'drafts' does not exist on type /);
  });

  it('still throw the TypeError of an unknown state for values that bypass the types', () => {
    const rules = exports.DocumentPolicyMatrix.rules.bind(exports.DocumentPolicyMatrix) as (
      from: string,
      to: string,
    ) => unknown;
    expect(() => rules('drafts', 'published')).toThrow(
      new TypeError(
        'Unknown state "drafts" for policy DocumentPolicy: expected one of draft, published, null, __proto__, constructor, toString, 1, default or null.',
      ),
    );
  });
});
