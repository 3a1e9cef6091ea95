/**
 * policy-matrix's own config: compiles the bundled Orion preset (src/orion) into
 * generated/. Generated code imports the runtime by relative path, with `.ts`
 * extensions, as the rest of this repository does.
 */
import { defineConfig } from './codegen/config/define-config.ts';

export default defineConfig({
  modules: ['./src/orion/index.ts'],
  outDir: 'generated',
  runtime: './src/index.ts',
  importExtension: '.ts',
  regenerateCommand: 'npm run generate',
});
