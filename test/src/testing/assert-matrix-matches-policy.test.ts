/**
 * assertMatrixMatchesPolicy: passes on the committed Orion matrices, and names every
 * differing cell of a matrix that no longer matches its policy.
 */
import { describe, expect, it } from 'vitest';
import * as generated from '../../../generated/index.ts';
import {
  defineCompiledPolicy,
  OrchestrationPolicy,
  OrchestrationRule,
  type RuleClass,
} from '../../../src/index.ts';
import { ORION_POLICY_CLASSES } from '../../../src/orion/index.ts';
import { assertMatrixMatchesPolicy } from '../../../src/testing/index.ts';

class Approve extends OrchestrationRule {
  static override FROM_STATES = new Set(['draft']);
  static override TO_STATES = new Set(['review', 'published']);
}
class Publish extends OrchestrationRule {
  static override FROM_STATES = new Set(['review']);
  static override TO_STATES = new Set(['published']);
}
class DocumentPolicy extends OrchestrationPolicy {
  static override STATES = ['draft', 'review', 'published'];
  static override priority(): RuleClass[] {
    return [Approve, Publish];
  }
}

/** The matrix DocumentPolicy compiles to, built from its dynamic filter, then edited. */
function documentMatrix(edit: (cells: RuleClass[][]) => void = () => {}) {
  const universe = DocumentPolicy.universe();
  const cells = universe.flatMap((from) =>
    universe.map((to) => DocumentPolicy.compileTransitionRules(from, to)),
  );
  edit(cells);
  return defineCompiledPolicy({ name: 'DocumentPolicy', states: universe, cells });
}

describe(assertMatrixMatchesPolicy.name, () => {
  it('passes for each committed Orion matrix and its policy', () => {
    const matrices = {
      coreFlow: generated.CoreFlowPolicyMatrix,
      coreTask: generated.CoreTaskPolicyMatrix,
      minimalFlow: generated.MinimalFlowPolicyMatrix,
      minimalTask: generated.MinimalTaskPolicyMatrix,
      globalFlow: generated.GlobalFlowPolicyMatrix,
      globalTask: generated.GlobalTaskPolicyMatrix,
    };
    for (const [key, matrix] of Object.entries(matrices)) {
      expect(() =>
        assertMatrixMatchesPolicy(matrix, ORION_POLICY_CLASSES[key as keyof typeof matrices]),
      ).not.toThrow();
    }
  });

  it('names every cell that differs, with both rule lists, when the policy was edited without regenerating', () => {
    const stale = documentMatrix((cells) => {
      cells[1] = []; // draft → review
      cells[2] = [Approve, Publish]; // draft → published
    });
    expect(() => assertMatrixMatchesPolicy(stale, DocumentPolicy)).toThrow(
      new Error(
        'The matrix of DocumentPolicy differs from the policy in 2 of 16 cells:\n' +
          '  draft → review: matrix [], policy [Approve]\n' +
          '  draft → published: matrix [Approve, Publish], policy [Approve]\n' +
          'Regenerate it (npx policy-matrix generate) and commit the result.',
      ),
    );
  });

  it('counts the cells compared, in a sentence, when a single cell differs', () => {
    const stale = documentMatrix((cells) => {
      cells[1] = []; // draft → review
    });
    expect(() => assertMatrixMatchesPolicy(stale, DocumentPolicy)).toThrow(
      new Error(
        'The matrix of DocumentPolicy differs from the policy in 1 of 16 cells:\n' +
          '  draft → review: matrix [], policy [Approve]\n' +
          'Regenerate it (npx policy-matrix generate) and commit the result.',
      ),
    );
  });

  it('reports a changed state list instead of comparing cells', () => {
    const stale = defineCompiledPolicy({
      name: 'DocumentPolicy',
      states: ['draft', 'published', null],
      cells: Array.from({ length: 9 }, () => []),
    });
    expect(() => assertMatrixMatchesPolicy(stale, DocumentPolicy)).toThrow(
      new Error(
        'The matrix of DocumentPolicy is stale: its states are [draft, published, null], ' +
          "the policy's are [draft, review, published, null]. " +
          'Regenerate it (npx policy-matrix generate) and commit the result.',
      ),
    );
  });

  it('throws when the matrix belongs to another policy', () => {
    expect(() => assertMatrixMatchesPolicy(generated.CoreTaskPolicyMatrix, DocumentPolicy)).toThrow(
      'The matrix CoreTaskPolicy was checked against policy DocumentPolicy: pass the matrix generated from DocumentPolicy (DocumentPolicyMatrix).',
    );
  });

  it('passes for a fresh matrix of a policy with its own states', () => {
    expect(() => assertMatrixMatchesPolicy(documentMatrix(), DocumentPolicy)).not.toThrow();
  });
});
