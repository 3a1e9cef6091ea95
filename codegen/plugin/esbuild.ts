/**
 * The policy-matrix build plugin for esbuild (`@policy-matrix/codegen/esbuild`); see
 * policy-matrix-plugin.ts for what it does.
 */
import { policyMatrix } from './policy-matrix-plugin.ts';

export type { PluginMode, PolicyMatrixPluginOptions } from './plugin-options.ts';

/** The plugin; options as `PolicyMatrixPluginOptions` describes. */
const plugin = policyMatrix.esbuild;
export default plugin;
export { plugin as policyMatrix };
