/**
 * The policy-matrix build plugin for Vite (and Vitest) (`@policy-matrix/codegen/vite`); see
 * policy-matrix-plugin.ts for what it does.
 */
import type { NamedBundlerPlugin } from './bundler-plugin.ts';
import type { PolicyMatrixPluginOptions } from './plugin-options.ts';
import { policyMatrix } from './policy-matrix-plugin.ts';

export type { NamedBundlerPlugin } from './bundler-plugin.ts';
export type { PluginMode, PolicyMatrixPluginOptions } from './plugin-options.ts';

/**
 * The plugin; options as `PolicyMatrixPluginOptions` describes. Typed by its shape, not
 * the bundler's plugin type (see bundler-plugin.ts).
 */
const plugin: (options?: PolicyMatrixPluginOptions) => NamedBundlerPlugin = policyMatrix.vite;
export default plugin;
export { plugin as policyMatrix };
