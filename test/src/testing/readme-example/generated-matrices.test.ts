import { it } from 'vitest';
import { CoreFlowPolicy, CoreTaskPolicy } from 'policy-matrix/orion';
import { assertMatrixMatchesPolicy } from 'policy-matrix/testing';
import { CoreFlowPolicyMatrix, CoreTaskPolicyMatrix } from '../../../../generated/index.ts';

it('keeps every generated matrix equal to its policy', () => {
  assertMatrixMatchesPolicy(CoreFlowPolicyMatrix, CoreFlowPolicy);
  assertMatrixMatchesPolicy(CoreTaskPolicyMatrix, CoreTaskPolicy);
});
