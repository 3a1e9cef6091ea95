/**
 * The six generated matrices as the engine's rule sources, as a hot path uses them: what
 * the demo, the store benchmark and the multi-process test's workers run on.
 */
import {
  CoreFlowPolicyMatrix,
  CoreTaskPolicyMatrix,
  GlobalFlowPolicyMatrix,
  GlobalTaskPolicyMatrix,
  MinimalFlowPolicyMatrix,
  MinimalTaskPolicyMatrix,
} from '../generated/index.ts';
import type { OrionRuleSources } from '../src/orion/index.ts';

export const GENERATED_RULE_SOURCES: OrionRuleSources = {
  coreFlow: CoreFlowPolicyMatrix,
  coreTask: CoreTaskPolicyMatrix,
  minimalFlow: MinimalFlowPolicyMatrix,
  minimalTask: MinimalTaskPolicyMatrix,
  globalFlow: GlobalFlowPolicyMatrix,
  globalTask: GlobalTaskPolicyMatrix,
};
