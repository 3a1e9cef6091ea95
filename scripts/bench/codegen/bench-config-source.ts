/**
 * The `policy-matrix.config.ts` of a project the bench writes under .tmp/ (the
 * synthetic large project, the machinery policies): this repository's runtime by
 * relative path, `.ts` specifiers, output in `generated/`.
 */
export function benchConfigSource(
  writtenBy: string,
  toRoot: string,
  modules: readonly string[],
): string {
  return [
    `// Written by ${writtenBy}.`,
    `import { defineConfig } from '${toRoot}/codegen/config/define-config.ts';`,
    '',
    'export default defineConfig({',
    `  modules: [${modules.map((m) => `'${m}'`).join(', ')}],`,
    "  outDir: 'generated',",
    `  runtime: '${toRoot}/src/index.ts',`,
    "  importExtension: '.ts',",
    "  regenerateCommand: 'npm run bench',",
    '});',
    '',
  ].join('\n');
}
