/**
 * The policy-matrix build plugin for Rspack (`@policy-matrix/codegen/rspack`); see
 * policy-matrix-plugin.ts for what it does.
 */
import { policyMatrix } from './policy-matrix-plugin.ts';

export type { PluginMode, PolicyMatrixPluginOptions } from './plugin-options.ts';

/** The plugin; options as `PolicyMatrixPluginOptions` describes. */
const plugin = policyMatrix.rspack;
export default plugin;
export { plugin as policyMatrix };
