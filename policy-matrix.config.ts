/**
 * policy-matrix's own config: compiles the bundled Orion preset (src/orion) into
 * generated/, with a report (a markdown page and an SVG heatmap per policy) in
 * generated/report/. Generated code imports the runtime by relative path, with `.ts`
 * extensions, as the rest of this repository does.
 */
import { defineConfig } from './codegen/config/define-config.ts';

export default defineConfig({
  modules: ['./src/orion/index.ts'],
  outDir: 'generated',
  runtime: './src/index.ts',
  importExtension: '.ts',
  regenerateCommand: 'npm run generate',
  report: true,
});
