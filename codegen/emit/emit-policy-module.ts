/**
 * Emitting one policy's module: imports of the runtime and of the rule classes, each
 * distinct cell once as a frozen array, the flat frozen cell table, the generated state
 * indexer, and the exports: `<Policy>State` (the union of the policy's state types),
 * `<Policy>Matrix` (a `CompiledPolicy<<Policy>State>`), `<Policy>Codes` (each state
 * type's code as a literal), `<Policy>NullCode` (the code of `null`, apart because a
 * state may be named "null") and `<Policy>Metadata` (source file and priority list,
 * for tools). Formatted with the pinned prettier options.
 */
import path from 'node:path';
import type { PolicyModel } from '../model/policy-model.ts';
import { compareCodeUnits } from '../problem/problem.ts';
import { policyBanner } from './banner.ts';
import { docComment } from './doc-comment.ts';
import type { EmitOptions } from './emit-options.ts';
import { formatTypeScript } from './format-typescript.ts';
import { jsString } from '../text/escape.ts';
import { isPlainIdentifier } from './plain-identifier.ts';
import { relativeSpecifier, runtimeSpecifier } from './module-specifier.ts';
import {
  frozenArrayDeclaration,
  frozenObjectDeclaration,
  prettierPropertyKey,
  prettierString,
  unionTypeDeclaration,
} from './prettier-layout.ts';
import { renderStateIndexer } from './render-state-indexer.ts';
import { planStateHash } from './state-hash-plan.ts';

/** Names the generated module declares or uses itself; rule imports are aliased around them. */
const MODULE_NAMES = [
  'policyName',
  'states',
  'priority',
  'cells',
  'table',
  'slots',
  'slotOf',
  'keys',
  'only',
  'code',
  'codes',
  'defineCompiledPolicy',
  'throwUnknownState',
  'CompiledPolicy',
  'RuleClass',
  'Object',
  'Math',
  'Map',
  'Uint8Array',
  'Uint16Array',
  'Uint32Array',
];

/** The matrix's export name: `<Policy>Matrix`. */
export function matrixExportName(policy: string): string {
  return `${policy}Matrix`;
}

/** The state union's export name: `<Policy>State`. */
export function stateTypeExportName(policy: string): string {
  return `${policy}State`;
}

/** The codes object's export name: `<Policy>Codes`. */
export function codesExportName(policy: string): string {
  return `${policy}Codes`;
}

/** The export name of the code of `null`: `<Policy>NullCode`. */
export function nullCodeExportName(policy: string): string {
  return `${policy}NullCode`;
}

/** The metadata's export name: `<Policy>Metadata`. */
export function metadataExportName(policy: string): string {
  return `${policy}Metadata`;
}

// Stand-ins for the bulky parts while prettier formats the rest of the module. Each
// contains a no-break space, which no literal the emitter writes can contain (string
// literals escape everything outside printable ASCII), so each occurs exactly once.
const PLACEHOLDERS = {
  stateType: '// policy-matrix\u00a0state type',
  states: '// policy-matrix\u00a0states',
  priority: '// policy-matrix\u00a0priority',
  cells: '// policy-matrix\u00a0distinct cells',
  table: '[/* policy-matrix\u00a0cell table */]',
  codes: '// policy-matrix\u00a0codes',
} as const;

type Parts = Record<keyof typeof PLACEHOLDERS, string>;

/**
 * The formatted source of `policy`'s generated module. Prettier formats the module with
 * the state list, the priority list, the distinct cells and the cell table left out;
 * these are laid out here and spliced in afterwards, so prettier never parses what can
 * be megabytes. The lists are laid out exactly as prettier lays them out and the table
 * sits under `prettier-ignore`, so the result is a fixed point of the pinned prettier
 * options (tests check this).
 */
export async function emitPolicyModule(policy: PolicyModel, options: EmitOptions): Promise<string> {
  const { source, parts } = renderPolicyModule(policy, options);
  let text = await formatTypeScript(source);
  for (const key of Object.keys(PLACEHOLDERS) as (keyof Parts)[]) {
    text = splice(text, PLACEHOLDERS[key], parts[key]);
  }
  return text;
}

function splice(text: string, placeholder: string, replacement: string): string {
  const at = text.indexOf(placeholder);
  if (at < 0 || text.indexOf(placeholder, at + 1) >= 0) {
    throw new Error(
      `policy-matrix: the placeholder ${JSON.stringify(placeholder)} was lost in formatting (a bug in the emitter).`,
    );
  }
  return text.slice(0, at) + replacement + text.slice(at + placeholder.length);
}

function renderPolicyModule(
  policy: PolicyModel,
  options: EmitOptions,
): { source: string; parts: Parts } {
  const stateCount = policy.states.length - 1;
  const size = policy.states.length;
  const cellName = (index: number): string => `c${index}`;
  const matrix = matrixExportName(policy.name);
  const metadata = metadataExportName(policy.name);
  const stateType = stateTypeExportName(policy.name);
  const codes = codesExportName(policy.name);
  const nullCode = nullCodeExportName(policy.name);
  const stateNames = policy.states.slice(0, stateCount) as string[];

  // Local names of the rule classes: their export names unless taken.
  const taken = new Set<string>([
    ...MODULE_NAMES,
    matrix,
    metadata,
    stateType,
    codes,
    nullCode,
    ...policy.distinctCells.map((_, i) => cellName(i)),
  ]);
  const locals = policy.rules.map((rule, index) => {
    const base = isPlainIdentifier(rule.exportName)
      ? rule.exportName
      : isPlainIdentifier(rule.name)
        ? rule.name
        : `rule${index}`;
    let local = base;
    for (let n = 1; taken.has(local); n++) local = `${base}_${n}`;
    taken.add(local);
    return local;
  });

  const byModule = new Map<string, string[]>();
  policy.rules.forEach((rule, index) => {
    const specifier = relativeSpecifier(
      options.outDir,
      path.resolve(options.root, rule.module),
      options.importExtension,
    );
    const imported = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(rule.exportName)
      ? rule.exportName
      : jsString(rule.exportName);
    const local = locals[index] as string;
    const list = byModule.get(specifier) ?? [];
    const entry = imported === local ? local : `${imported} as ${local}`;
    if (!list.includes(entry)) list.push(entry);
    byModule.set(specifier, list);
  });
  const runtime = runtimeSpecifier(options.outDir, options.runtime, options.importExtension);
  const imports = [
    `import { defineCompiledPolicy, throwUnknownState } from ${jsString(runtime)};`,
    `import type { CompiledPolicy, RuleClass } from ${jsString(runtime)};`,
    ...[...byModule]
      .sort((a, b) => compareCodeUnits(a[0], b[0]))
      .map(
        ([specifier, names]) =>
          `import { ${names.sort(compareCodeUnits).join(', ')} } from ${jsString(specifier)};`,
      ),
  ];

  const names = (rules: readonly number[]): string[] => rules.map((r) => locals[r] as string);
  const statesDeclaration = frozenArrayDeclaration(
    `const states: readonly (${stateType} | null)[] = `,
    policy.states.map((state) => (state === null ? 'null' : prettierString(state))),
  );
  const priorityDeclaration = frozenArrayDeclaration(
    'const priority: readonly RuleClass[] = ',
    names(policy.priority),
  );
  const stateTypeDeclaration = unionTypeDeclaration(
    `export type ${stateType} =`,
    stateNames.map(prettierString),
  );
  const codesDeclaration = frozenObjectDeclaration(
    `export const ${codes} = `,
    stateNames.map((state, index) => [prettierPropertyKey(state), String(index)] as const),
  );
  const cellDeclarations = policy.distinctCells.map((cell, index) =>
    frozenArrayDeclaration(`const ${cellName(index)}: readonly RuleClass[] = `, names(cell)),
  );

  const rows: string[] = [];
  for (let from = 0; from < size; from++) {
    const state = policy.states[from] ?? null;
    rows.push(`  // from ${state === null ? 'null' : jsString(state)}`);
    let line = ' ';
    for (let to = 0; to < size; to++) {
      const entry = ` ${cellName(policy.cells[from * size + to] as number)},`;
      if (line.length + entry.length > 100 && line.length > 1) {
        rows.push(line);
        line = ' ';
      }
      line += entry;
    }
    rows.push(line);
  }

  const source = path.posix.normalize(policy.location.file);
  const table = `[\n${rows.join('\n')}\n]`;
  const text = `${policyBanner(policy.name, source, options.regenerateCommand, policy.inputsHash)}

${imports.join('\n')}

const policyName = ${jsString(policy.name)};

${docComment(`${policy.name}'s state types: \`${matrix}.code\` and \`${matrix}.rules\` take one of these (or \`null\`), so a misspelt state is a compile error.`)}
${PLACEHOLDERS.stateType}

${docComment(`The universe in code order: the policy's ${stateCount} state types, then \`null\`.`)}
${PLACEHOLDERS.states}

${docComment(`The priority list, as \`${policy.name}.priority()\` returns it.`)}
${PLACEHOLDERS.priority}

${docComment('Each distinct cell once: the rules that apply to its transitions, in priority order.')}
${PLACEHOLDERS.cells}

${docComment(`The flat row-major cell table, one row per from-state: the rules for \`(from, to)\` are \`cells[code(from) * ${size} + code(to)]\`.`)}
// prettier-ignore
const table: (readonly RuleClass[])[] = ${PLACEHOLDERS.table};
const cells: readonly (readonly RuleClass[])[] = Object.freeze(table);
${renderStateIndexer(planStateHash(policy.states.slice(0, stateCount) as string[]), stateCount)}

${docComment(`${policy.name}'s transition matrix: \`${matrix}.rules(from, to)\`, or \`${matrix}.at(${codes}[from], ${codes}[to])\` with compile-time codes, returns the rules that apply to a transition, in priority order, by constant-time indexing.`)}
export const ${matrix}: CompiledPolicy<${stateType}> = defineCompiledPolicy<${stateType}>({ name: policyName, states, code, cells });

${docComment(`Each state type's code (\`${matrix}.code(state)\`) as a literal: compile-time constants for \`${matrix}.at\`. The code of \`null\` is \`${nullCode}\`, not a key here, because a state may itself be named "null".`)}
${PLACEHOLDERS.codes}

${docComment(`The code of \`null\` ("no state"), \`${matrix}.code(null)\`: the last code.`)}
export const ${nullCode} = ${stateCount};

${docComment(`Where ${policy.name} is declared and its priority list, for tools such as \`policy-matrix dump\`.`)}
export const ${metadata} = Object.freeze({ name: policyName, source: ${jsString(source)}, priority });
`;
  return {
    source: text,
    parts: {
      stateType: stateTypeDeclaration,
      states: statesDeclaration,
      priority: priorityDeclaration,
      cells: cellDeclarations.join('\n'),
      table,
      codes: codesDeclaration,
    },
  };
}
