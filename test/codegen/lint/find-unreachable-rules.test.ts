import { describe, expect, it } from 'vitest';
import { findUnreachableRules } from '../../../codegen/lint/find-unreachable-rules.ts';
import { buildPolicyModel } from '../report/build-policy-model.ts';

const at = (file: string) => ({ file, line: 4, column: 14 });

const policy = buildPolicyModel({
  name: 'TicketPolicy',
  states: ['QUEUED', 'DONE'],
  rules: [
    { name: 'Guard', from: ['QUEUED'], to: ['DONE'] },
    { name: 'Forgotten', from: [], to: [], location: at('src/rules/forgotten.ts') },
    { name: 'NoSource', from: [], to: ['DONE'], location: at('src/rules/no-source.ts') },
    { name: 'NoTarget', from: ['QUEUED'], to: [], location: at('src/rules/no-target.ts') },
  ],
  priority: ['Guard', 'Forgotten', 'NoSource', 'NoTarget'],
});

describe(findUnreachableRules.name, () => {
  it('reports each rule that fires in no cell, at the rule, saying which set is empty', () => {
    expect(findUnreachableRules(policy)).toEqual([
      {
        code: 'PM101',
        severity: 'warning',
        location: at('src/rules/forgotten.ts'),
        policy: 'TicketPolicy',
        rule: 'Forgotten',
        message:
          "Forgotten fires in no cell of TicketPolicy, so it never runs: its FROM_STATES and TO_STATES hold no state of the policy's universe (QUEUED, DONE and null). " +
          'Declare the FROM_STATES and TO_STATES it should govern (a rule governs no state by default), or remove it from TicketPolicy.priority().',
      },
      {
        code: 'PM101',
        severity: 'warning',
        location: at('src/rules/no-source.ts'),
        policy: 'TicketPolicy',
        rule: 'NoSource',
        message:
          "NoSource fires in no cell of TicketPolicy, so it never runs: its FROM_STATES holds no state of the policy's universe (QUEUED, DONE and null). " +
          'Declare the FROM_STATES it should govern (a rule governs no state by default), or remove it from TicketPolicy.priority().',
      },
      {
        code: 'PM101',
        severity: 'warning',
        location: at('src/rules/no-target.ts'),
        policy: 'TicketPolicy',
        rule: 'NoTarget',
        message:
          "NoTarget fires in no cell of TicketPolicy, so it never runs: its TO_STATES holds no state of the policy's universe (QUEUED, DONE and null). " +
          'Declare the TO_STATES it should govern (a rule governs no state by default), or remove it from TicketPolicy.priority().',
      },
    ]);
  });

  it('reports nothing when every rule fires somewhere', () => {
    expect(
      findUnreachableRules({ ...policy, rules: policy.rules.slice(0, 1), priority: [0] }),
    ).toEqual([]);
  });

  it('trusts the matrix over the sets, and says so when they disagree', () => {
    const hollow = { ...policy, distinctCells: [[]], cells: policy.cells.map(() => 0) };
    expect(findUnreachableRules(hollow)[0]!.message).toBe(
      'Guard fires in no cell of TicketPolicy, so it never runs: the compiled matrix holds it in no cell. ' +
        'Regenerate the model; if this persists, report a compiler bug.',
    );
  });
});
