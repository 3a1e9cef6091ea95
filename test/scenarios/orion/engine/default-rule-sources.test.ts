/**
 * The engine's default rule sources: the compiled Orion matrices, each equal to its
 * policy class cell for cell.
 */
import { describe, expect, it } from 'vitest';
import * as generated from '../../../../generated/index.ts';
import type { CompiledPolicy } from '../../../../src/index.ts';
import {
  InMemoryOrionStore,
  ORION_POLICY_CLASSES,
  OrionEngine,
} from '../../../../src/orion/index.ts';
import { assertMatrixMatchesPolicy } from '../../../../src/testing/index.ts';

describe('the default rule sources of an OrionEngine', () => {
  it('are the six compiled matrices, not the policy classes', () => {
    const engine = new OrionEngine({ store: new InMemoryOrionStore() });
    expect(engine.policies).toEqual({
      coreFlow: generated.CoreFlowPolicyMatrix,
      coreTask: generated.CoreTaskPolicyMatrix,
      minimalFlow: generated.MinimalFlowPolicyMatrix,
      minimalTask: generated.MinimalTaskPolicyMatrix,
      globalFlow: generated.GlobalFlowPolicyMatrix,
      globalTask: generated.GlobalTaskPolicyMatrix,
    });
  });

  it('each equal their policy class in every cell', () => {
    const engine = new OrionEngine({ store: new InMemoryOrionStore() });
    for (const [key, policy] of Object.entries(ORION_POLICY_CLASSES)) {
      const matrix = engine.policies[key as keyof typeof ORION_POLICY_CLASSES];
      expect(matrix).not.toBe(policy);
      assertMatrixMatchesPolicy(matrix as CompiledPolicy, policy);
    }
  });

  it('give way to the rule sources an engine is given, one by one', () => {
    const engine = new OrionEngine({
      store: new InMemoryOrionStore(),
      policies: { coreTask: ORION_POLICY_CLASSES.coreTask },
    });
    expect(engine.policies.coreTask).toBe(ORION_POLICY_CLASSES.coreTask);
    expect(engine.policies.coreFlow).toBe(generated.CoreFlowPolicyMatrix);
  });
});
