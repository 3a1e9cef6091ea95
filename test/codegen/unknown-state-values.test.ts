/**
 * `code()` of every kind of generated state indexer (perfect hash, map, single state,
 * no state), the in-memory indexer and the dynamic filter throw the unknown-state
 * `TypeError` for any value that is not a state of the policy: also for values whose
 * conversion to a string throws, returns no string, or is a symbol.
 */
import { describe, expect, it } from 'vitest';
import { defineCompiledPolicy, OrchestrationPolicy, type CompiledPolicy } from '../../src/index.ts';
import { TicketPolicyMatrix } from '../fixtures/golden-basic/generated/ticket-policy.ts';
import { LookalikePolicyMatrix } from '../fixtures/golden-hostile-states/generated/lookalike-policy.ts';
import { SingleStatePolicyMatrix } from '../fixtures/golden-hostile-states/generated/single-state-policy.ts';
import { StatelessPolicyMatrix } from '../fixtures/golden-hostile-states/generated/stateless-policy.ts';

const throwing = {
  toString(): string {
    throw new Error('toString exploded');
  },
};
const VALUES: [unknown, string][] = [
  [Object.create(null), '(a value of type object)'],
  [throwing, '(a value of type object)'],
  [{ toString: () => ({}), valueOf: () => ({}) }, '(a value of type object)'],
  [
    new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
      },
    ),
    '(a value of type object)',
  ],
  [Symbol('s'), 'Symbol(s)'],
  [{}, '[object Object]'],
  [['A'], 'A'],
  [42, '42'],
  [undefined, 'undefined'],
  [10n, '10'],
];

function expectUnknown(policy: CompiledPolicy, call: (value: never) => unknown): void {
  const states = policy.states.filter((state) => state !== null).join(', ');
  for (const [value, shown] of VALUES) {
    expect(() => call(value as never), shown).toThrow(
      new TypeError(
        `Unknown state ${shown} for policy ${policy.name}: expected one of ${states} or null.`,
      ),
    );
  }
}

describe('code() and values that are not states', () => {
  for (const policy of [
    TicketPolicyMatrix,
    LookalikePolicyMatrix,
    SingleStatePolicyMatrix,
    StatelessPolicyMatrix,
  ]) {
    it(`throws the unknown-state TypeError from ${policy.name}'s generated code()`, () => {
      expectUnknown(policy, (value) => policy.code(value));
      expectUnknown(policy, (value) => policy.rules(value, null));
    });
  }

  it('throws it from the in-memory indexer and the dynamic filter too', () => {
    class QueuePolicy extends OrchestrationPolicy {
      static override STATES = ['QUEUED', 'ACTIVE'];
    }
    const compiled = defineCompiledPolicy({
      name: 'QueuePolicy',
      states: ['QUEUED', 'ACTIVE', null],
      cells: [[], [], [], [], [], [], [], [], []],
    });
    for (const [value, shown] of VALUES) {
      const error = new TypeError(
        `Unknown state ${shown} for policy QueuePolicy: expected one of QUEUED, ACTIVE or null.`,
      );
      expect(() => compiled.code(value as never), shown).toThrow(error);
      // The dynamic filter's parameters default to null: undefined names no state there.
      if (value !== undefined)
        expect(() => QueuePolicy.compileTransitionRules(value as never, null), shown).toThrow(
          error,
        );
    }
  });
});
