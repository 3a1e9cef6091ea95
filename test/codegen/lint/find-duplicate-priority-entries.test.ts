import { describe, expect, it } from 'vitest';
import { findDuplicatePriorityEntries } from '../../../codegen/lint/find-duplicate-priority-entries.ts';
import { buildPolicyModel } from '../report/build-policy-model.ts';

const location = { file: 'src/policies/ticket-policy.ts', line: 9, column: 14 };

describe(findDuplicatePriorityEntries.name, () => {
  it('reports each rule listed more than once, at the policy, with its positions', () => {
    const policy = buildPolicyModel({
      name: 'TicketPolicy',
      location,
      states: ['QUEUED', 'DONE'],
      rules: [
        { name: 'Guard', from: ['QUEUED'], to: ['DONE'] },
        { name: 'Finish', from: ['QUEUED'], to: ['DONE'] },
      ],
      priority: ['Guard', 'Finish', 'Guard', 'Finish', 'Guard'],
    });
    expect(findDuplicatePriorityEntries(policy)).toEqual([
      {
        code: 'PM102',
        severity: 'warning',
        location,
        policy: 'TicketPolicy',
        rule: 'Guard',
        message:
          'Guard is listed 3 times in TicketPolicy.priority() (positions 1, 3 and 5): every transition it fires for ' +
          'enters it 3 times, nested inside itself, so its hooks run 3 times. Keep only the entry at the position where it should run.',
      },
      {
        code: 'PM102',
        severity: 'warning',
        location,
        policy: 'TicketPolicy',
        rule: 'Finish',
        message:
          'Finish is listed 2 times in TicketPolicy.priority() (positions 2 and 4): every transition it fires for ' +
          'enters it 2 times, nested inside itself, so its hooks run 2 times. Keep only the entry at the position where it should run.',
      },
    ]);
  });

  it('reports nothing when every rule is listed once', () => {
    const policy = buildPolicyModel({
      name: 'TicketPolicy',
      states: ['QUEUED'],
      rules: [{ name: 'Guard', from: 'any', to: 'any' }],
      priority: ['Guard'],
    });
    expect(findDuplicatePriorityEntries(policy)).toEqual([]);
  });
});
