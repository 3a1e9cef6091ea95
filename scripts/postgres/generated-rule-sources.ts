/**
 * The six generated matrices as the engine's rule sources: what the store benchmarks
 * run on, as a hot path would.
 */
import {
  CoreFlowPolicyMatrix,
  CoreTaskPolicyMatrix,
  GlobalFlowPolicyMatrix,
  GlobalTaskPolicyMatrix,
  MinimalFlowPolicyMatrix,
  MinimalTaskPolicyMatrix,
} from '../../generated/index.ts';
import type { OrionRuleSources } from '../../src/orion/index.ts';

export const GENERATED_RULE_SOURCES: OrionRuleSources = {
  coreFlow: CoreFlowPolicyMatrix,
  coreTask: CoreTaskPolicyMatrix,
  minimalFlow: MinimalFlowPolicyMatrix,
  minimalTask: MinimalTaskPolicyMatrix,
  globalFlow: GlobalFlowPolicyMatrix,
  globalTask: GlobalTaskPolicyMatrix,
};
