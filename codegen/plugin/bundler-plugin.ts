/**
 * What the bundler entry points `@policy-matrix/codegen/vite`, `/rollup`, `/webpack` and
 * `/rspack` declare their plugin to be: the few members a bundler's config checks,
 * structurally, rather than the bundler's own plugin type.
 *
 * Why: these bundlers are not dependencies of this package, so its public declarations
 * must not name their types (a project without webpack installed could not resolve
 * `WebpackPluginInstance`). Each shape is assignable to the bundler's plugin type, so
 * `plugins: [policyMatrix()]` type-checks in every bundler's config as before.
 *
 * `/esbuild` keeps esbuild's own `Plugin` type: esbuild comes with this package (tsx,
 * a dependency, runs on it), and esbuild's `build` and `context` are generic over their
 * options, so a structural type there would cost a user's inline plugins next to this
 * one the contextual type of their `setup(build)`.
 */

/** A Vite or Rollup plugin: a named object of hooks (the bundler reads the rest). */
export interface NamedBundlerPlugin {
  /** The plugin's name, as the bundler shows it in messages. */
  readonly name: string;
}

/** A webpack or Rspack plugin: an object whose `apply` is called with the compiler. */
export interface CompilerApplyPlugin {
  /** Called once by the bundler with its compiler, to tap the compiler's hooks. */
  apply(compiler: unknown): void;
}
