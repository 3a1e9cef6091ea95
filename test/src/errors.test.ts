/** The runtime's own errors and describeError, which feeds ABORT reasons. */
import { describe, expect, it } from 'vitest';
import { describeError, OrchestrationError, TransitionValidatedError } from '../../src/index.ts';

describe(describeError.name, () => {
  it.each([
    [new Error('boom'), 'Error: boom'],
    [new TypeError('bad'), 'TypeError: bad'],
    [new OrchestrationError('no state'), 'OrchestrationError: no state'],
    ['plain text', 'plain text'],
    [{ code: 'E' }, '{"code":"E"}'],
    [42, '42'],
    [null, 'null'],
    [undefined, 'undefined'],
    [10n, '10'],
    [Symbol('s'), 'Symbol(s)'],
  ])('describes %s as %j', (error, text) => {
    expect(describeError(error)).toBe(text);
  });

  it('never throws, even for circular objects or objects without a prototype', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeError(circular)).toBe('[object Object]');
    const bare = Object.create(null) as object;
    expect(describeError(bare)).toBe('{}');
    const hostile = Object.create(null) as Record<string, unknown>;
    hostile.toJSON = () => {
      throw new Error('no JSON');
    };
    expect(describeError(hostile)).toBe('[object Object]');
  });
});

describe(TransitionValidatedError.name, () => {
  it('names the rule and the mutation, and says where mutations belong', () => {
    const error = new TransitionValidatedError('MyRule', 'abortTransition');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('TransitionValidatedError');
    expect(error.message).toBe(
      'MyRule called abortTransition after the transition was validated; mutations may only be called from beforeTransition.',
    );
  });
});

describe(OrchestrationError.name, () => {
  it('is an Error with its own name', () => {
    const error = new OrchestrationError('x');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('OrchestrationError');
  });
});
