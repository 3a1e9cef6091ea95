/**
 * The policy-matrix build plugin for Vite (and Vitest) (`@policy-matrix/codegen/vite`); see
 * policy-matrix-plugin.ts for what it does.
 */
import { policyMatrix } from './policy-matrix-plugin.ts';

export type { PluginMode, PolicyMatrixPluginOptions } from './plugin-options.ts';

/** The plugin; options as `PolicyMatrixPluginOptions` describes. */
const plugin = policyMatrix.vite;
export default plugin;
export { plugin as policyMatrix };
