/**
 * Emitting `index.ts` of the output folder: re-exports every policy's exports (matrix,
 * state union, codes, code of `null`, metadata), and exports `compiledPolicies` and `compiledPolicyMetadata`, sorted by
 * policy name.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { PolicyModel } from '../model/policy-model.ts';
import { indexBanner } from './banner.ts';
import type { EmitOptions } from './emit-options.ts';
import {
  codesExportName,
  matrixExportName,
  metadataExportName,
  nullCodeExportName,
  stateTypeExportName,
} from './emit-policy-module.ts';
import { formatTypeScript } from './format-typescript.ts';
import { jsString } from '../text/escape.ts';
import { relativeSpecifier, runtimeSpecifier } from './module-specifier.ts';

/**
 * The index module over `policies` (already sorted by name), each with its file
 * (absolute). Its inputs hash covers only what it depends on, the policies' names and
 * files, so editing a policy does not rewrite the index.
 */
export function emitIndexModule(
  policies: readonly { model: PolicyModel; file: string }[],
  options: EmitOptions,
): Promise<string> {
  const hash = createHash('sha256')
    .update(
      JSON.stringify([
        policies.map(({ model, file }) => [model.name, path.basename(file)]),
        options.runtime.kind === 'package' ? options.runtime.specifier : 'file',
        options.importExtension,
      ]),
    )
    .digest('hex');
  const runtime = runtimeSpecifier(options.outDir, options.runtime, options.importExtension);
  const lines = [
    indexBanner(options.regenerateCommand, hash),
    '',
    `import type { CompiledPolicy } from ${jsString(runtime)};`,
  ];
  for (const { model, file } of policies) {
    const specifier = jsString(relativeSpecifier(options.outDir, file, options.importExtension));
    const names = `${matrixExportName(model.name)}, ${metadataExportName(model.name)}`;
    lines.push(`import { ${names} } from ${specifier};`);
  }
  lines.push('');
  for (const { model, file } of policies) {
    const specifier = jsString(relativeSpecifier(options.outDir, file, options.importExtension));
    const names = [
      matrixExportName(model.name),
      `type ${stateTypeExportName(model.name)}`,
      codesExportName(model.name),
      nullCodeExportName(model.name),
      metadataExportName(model.name),
    ];
    lines.push(`export { ${names.join(', ')} } from ${specifier};`);
  }
  const matrices = policies.map(({ model }) => matrixExportName(model.name)).join(', ');
  const metadata = policies.map(({ model }) => metadataExportName(model.name)).join(', ');
  lines.push(
    '',
    '/** Every compiled policy, sorted by name. */',
    `export const compiledPolicies: readonly CompiledPolicy[] = Object.freeze([${matrices}]);`,
    '',
    "/** Each compiled policy's source file and priority list, in the order of `compiledPolicies`. */",
    `export const compiledPolicyMetadata = Object.freeze([${metadata}]);`,
    '',
  );
  return formatTypeScript(lines.join('\n'));
}
