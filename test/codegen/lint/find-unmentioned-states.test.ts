import { describe, expect, it } from 'vitest';
import { findUnmentionedStates } from '../../../codegen/lint/find-unmentioned-states.ts';
import { buildPolicyModel, type RuleSpec } from '../report/build-policy-model.ts';

const location = { file: 'src/policies/ticket-policy.ts', line: 3, column: 14 };
const policy = (rules: RuleSpec[], states = ['QUEUED', 'ACTIVE', 'DONE', 'LOST']) =>
  buildPolicyModel({
    name: 'TicketPolicy',
    location,
    states,
    rules,
    priority: rules.map((rule) => rule.name),
  });

describe(findUnmentionedStates.name, () => {
  it('reports the states no rule mentions in FROM or TO, once per policy, at the policy', () => {
    expect(
      findUnmentionedStates(
        policy([
          { name: 'Start', from: ['QUEUED'], to: ['ACTIVE'] },
          { name: 'Stamp', kind: 'transform', from: 'any', to: 'any' },
        ]),
      ),
    ).toEqual([
      {
        code: 'PM104',
        severity: 'info',
        location,
        policy: 'TicketPolicy',
        message:
          'No rule of TicketPolicy mentions the states "DONE" and "LOST" in FROM_STATES or TO_STATES: transitions from or to ' +
          'them are governed only by rules that cover every state. If that is intended, nothing needs to change; otherwise ' +
          "add them to the FROM_STATES or TO_STATES of the rules that should handle them, or drop them from the policy's STATES.",
      },
    ]);
  });

  it('treats a set holding the whole universe as mentioning nothing specific, for rules too', () => {
    const [finding] = findUnmentionedStates(
      policy([
        { name: 'Everywhere', from: 'any', to: ['QUEUED', 'ACTIVE', 'DONE'] },
        { name: 'Anywhere', from: 'any', to: 'any' },
      ]),
    );
    expect(finding!.message).toMatch(
      /^No rule of TicketPolicy mentions the state "LOST" in FROM_STATES or TO_STATES: transitions from or to it /,
    );
  });

  it('counts a state mentioned in FROM or in TO, and never checks null', () => {
    expect(
      findUnmentionedStates(
        policy([{ name: 'Move', from: ['QUEUED', 'ACTIVE'], to: ['DONE', 'LOST'] }]),
      ),
    ).toEqual([]);
  });

  it('skips global policies, whose transforms mention nothing by design', () => {
    expect(
      findUnmentionedStates(policy([{ name: 'Stamp', kind: 'transform', from: 'any', to: 'any' }])),
    ).toEqual([]);
    expect(findUnmentionedStates(policy([]))).toEqual([]);
  });

  it('writes state names as string literals and shortens long lists', () => {
    const states = ['a, b', ...Array.from({ length: 12 }, (_, index) => `S${index}`)];
    const [finding] = findUnmentionedStates(
      policy([{ name: 'Other', from: ['S0'], to: ['S0'] }], states),
    );
    expect(finding!.message).toContain(
      'mentions the states "a, b", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9" and 2 more in FROM_STATES',
    );
  });
});
