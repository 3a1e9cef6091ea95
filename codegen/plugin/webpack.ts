/**
 * The policy-matrix build plugin for webpack (`@policy-matrix/codegen/webpack`); see
 * policy-matrix-plugin.ts for what it does.
 */
import { policyMatrix } from './policy-matrix-plugin.ts';

export type { PluginMode, PolicyMatrixPluginOptions } from './plugin-options.ts';

/** The plugin; options as `PolicyMatrixPluginOptions` describes. */
const plugin = policyMatrix.webpack;
export default plugin;
export { plugin as policyMatrix };
