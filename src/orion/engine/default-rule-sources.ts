/**
 * The rule sources an `OrionEngine` uses when it is given none: the six compiled Orion
 * matrices once they are installed, the policy classes until then.
 *
 * Why a slot and not an import. The matrices are generated from the policies in this
 * folder, and each generated module imports the rule classes from the preset's index,
 * which exports this engine: a static import of the matrices here would be an import
 * cycle, and would make loading `policy-matrix/orion` (which the compiler does to
 * regenerate the matrices) depend on the generated files it is about to rewrite. So no
 * module of the runtime's sources imports the generated matrices. Instead the package's
 * entry modules install them: the build compiles the committed `generated/` into
 * `dist/orion/matrices/` and writes the `policy-matrix/orion` and
 * `policy-matrix/testing` entries as modules that install them, then re-export the
 * runtime (every way to construct an engine goes through one of the two). Inside this
 * repository, where everything runs from the sources, the test setup installs the
 * committed `generated/` the same way, so the tests run on what users get.
 *
 * Not part of the public API.
 */
import type { OrionRuleSources } from './orion-rule-sources.ts';
import { ORION_POLICY_CLASSES } from './orion-rule-sources.ts';

let defaults: Readonly<OrionRuleSources> = ORION_POLICY_CLASSES;

/** What an engine built without `policies` uses (read when it is constructed). */
export function defaultOrionRuleSources(): Readonly<OrionRuleSources> {
  return defaults;
}

/**
 * Makes `sources` the default of every engine constructed from now on. Called once,
 * by the package's entry modules (and the repository's test setup), with the compiled
 * matrices; engines already constructed keep what they had.
 */
export function installDefaultOrionRuleSources(sources: OrionRuleSources): void {
  defaults = Object.freeze({ ...sources });
}
