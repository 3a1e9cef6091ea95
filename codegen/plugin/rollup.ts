/**
 * The policy-matrix build plugin for Rollup (`@policy-matrix/codegen/rollup`); see
 * policy-matrix-plugin.ts for what it does.
 */
import { policyMatrix } from './policy-matrix-plugin.ts';

export type { PluginMode, PolicyMatrixPluginOptions } from './plugin-options.ts';

/** The plugin; options as `PolicyMatrixPluginOptions` describes. */
const plugin = policyMatrix.rollup;
export default plugin;
export { plugin as policyMatrix };
