import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicyModel } from '../../../codegen/model/policy-model.ts';
import {
  OrchestrationPolicy,
  OrchestrationRule,
  UniversalTransform,
  type RuleClass,
} from '../../../src/index.ts';
import { buildPolicyModel } from './build-policy-model.ts';
import { FIXTURES } from './load-report-fixture.ts';

/** Each cell as rule names, whatever order the distinct cells were interned in. */
function cellNames(policy: PolicyModel): string[][] {
  return policy.cells.map((distinct) =>
    policy.distinctCells[distinct]!.map((rule) => policy.rules[rule]!.name),
  );
}

describe(buildPolicyModel.name, () => {
  it('reproduces the hand-written cells of the report-mini fixture', () => {
    const hand = JSON.parse(
      readFileSync(path.join(FIXTURES, 'report-mini/policy.json'), 'utf8'),
    ) as PolicyModel;
    const built = buildPolicyModel({
      name: hand.name,
      states: hand.states.filter((state): state is string => state !== null),
      rules: hand.rules.map((rule) => ({ name: rule.name, from: rule.from, to: rule.to })),
      priority: hand.priority.map((index) => hand.rules[index]!.name),
    });
    expect(cellNames(built)).toEqual(cellNames(hand));
    expect(built.priority).toEqual(hand.priority);
  });

  it('agrees with the dynamic filter of a real policy class on every cell', () => {
    class Start extends OrchestrationRule {
      static override FROM_STATES = new Set(['SCHEDULED', 'PENDING', null]);
      static override TO_STATES = new Set(['RUNNING']);
    }
    class Finish extends OrchestrationRule {
      static override FROM_STATES = new Set(['RUNNING']);
      static override TO_STATES = new Set(['COMPLETED', 'FAILED', null]);
    }
    class Audit extends UniversalTransform {}
    class Policy extends OrchestrationPolicy {
      static override priority(): RuleClass[] {
        return [Start, Finish, Audit, Finish];
      }
    }
    const model = buildPolicyModel({
      name: 'Policy',
      states: Policy.stateTypes(),
      rules: [
        { name: 'Start', from: ['SCHEDULED', 'PENDING', null], to: ['RUNNING'] },
        { name: 'Finish', from: ['RUNNING'], to: ['COMPLETED', 'FAILED', null] },
        { name: 'Audit', kind: 'transform', from: 'any', to: 'any' },
      ],
      priority: ['Start', 'Finish', 'Audit', 'Finish'],
    });
    const universe = Policy.universe();
    expect(model.states).toEqual(universe);
    const expected = universe.flatMap((from) =>
      universe.map((to) => Policy.compileTransitionRules(from, to).map((rule) => rule.name)),
    );
    expect(cellNames(model)).toEqual(expected);
  });
});

describe('the report-core-task fixture', () => {
  it('equals the bundled CoreTaskPolicy dynamic filter on every cell', async () => {
    const { CoreTaskPolicy } = await import('../../../src/orion/index.ts');
    const { policy } = await import('../../fixtures/report-core-task/policy.ts');
    const universe = CoreTaskPolicy.universe();
    expect(policy.states).toEqual(universe);
    const expected = universe.flatMap((from) =>
      universe.map((to) =>
        CoreTaskPolicy.compileTransitionRules(from, to).map((rule) => rule.name),
      ),
    );
    expect(cellNames(policy)).toEqual(expected);
  });
});
