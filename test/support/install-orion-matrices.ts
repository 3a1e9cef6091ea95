/**
 * Test setup (vitest `setupFiles`): installs the committed `generated/` matrices as the
 * default rule sources of every `OrionEngine`, as the package's entry modules install
 * their compiled copy, so an engine built with no `policies` in a test runs on what
 * users get (see src/orion/engine/default-rule-sources.ts).
 *
 * Only the suites that build engines (test/scenarios/orion/, test/src/testing/) load the preset for
 * it: the other suites (the compiler's, the runtime's) would pay for loading it in
 * every file and never use it.
 */
import { expect } from 'vitest';

const testPath = expect.getState().testPath ?? '';
if (/[\\/]test[\\/](scenarios[\\/]orion|src[\\/]testing)[\\/]/.test(testPath)) {
  const [{ installDefaultOrionRuleSources }, { GENERATED_RULE_SOURCES }] = await Promise.all([
    import('../../src/orion/engine/default-rule-sources.ts'),
    import('../../scripts/generated-rule-sources.ts'),
  ]);
  installDefaultOrionRuleSources(GENERATED_RULE_SOURCES);
}
