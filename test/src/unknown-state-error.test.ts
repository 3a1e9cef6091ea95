/** unknownStateError: the one TypeError for a state outside a policy's universe. */
import { describe, expect, it } from 'vitest';
import { unknownStateError } from '../../src/index.ts';

describe(unknownStateError.name, () => {
  it('names the state, the policy and the valid states', () => {
    const error = unknownStateError('QueuePolicy', 'DONE', ['QUEUED', 'ACTIVE']);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(
      'Unknown state "DONE" for policy QueuePolicy: expected one of QUEUED, ACTIVE or null.',
    );
  });

  it('shows non-string states as they are', () => {
    expect(unknownStateError('P', undefined, ['A']).message).toBe(
      'Unknown state undefined for policy P: expected one of A or null.',
    );
    expect(unknownStateError('P', 7, ['A']).message).toBe(
      'Unknown state 7 for policy P: expected one of A or null.',
    );
  });
});
