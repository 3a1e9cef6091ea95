/**
 * The demo's rule sources: the generated matrices, as a hot path would use them.
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

export const DEMO_RULE_SOURCES: OrionRuleSources = {
  coreFlow: CoreFlowPolicyMatrix,
  coreTask: CoreTaskPolicyMatrix,
  minimalFlow: MinimalFlowPolicyMatrix,
  minimalTask: MinimalTaskPolicyMatrix,
  globalFlow: GlobalFlowPolicyMatrix,
  globalTask: GlobalTaskPolicyMatrix,
};

/** Shown in the demo's header line. */
export const DEMO_RULE_SOURCES_LABEL = 'generated matrices (generated/)';
