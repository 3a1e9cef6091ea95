/**
 * `orchestrate` does not instantiate rules and transforms that override no hook (see
 * src/open-scope.ts). These tests pin that the shortcut is unobservable: a hookless
 * class signs exactly what the same class with empty hooks signs, for every pair,
 * whatever happens inside it.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_ORCHESTRATION_STATES,
  createState,
  OrchestrationContext,
  OrchestrationRule,
  orchestrate,
  UniversalTransform,
  type RuleClass,
  type State,
  type StateName,
} from '../../src/index.ts';
import { ALL_PAIRS, otherType } from './support/universe.ts';

const universe = ALL_ORCHESTRATION_STATES;

class Hookless extends OrchestrationRule {
  static override FROM_STATES = universe;
  static override TO_STATES = universe;
}
class Hooked extends OrchestrationRule {
  static override FROM_STATES = universe;
  static override TO_STATES = universe;
  override async beforeTransition(): Promise<void> {}
  override async afterTransition(): Promise<void> {}
  override async cleanup(): Promise<void> {}
}
class NarrowHookless extends OrchestrationRule {
  static override FROM_STATES = new Set<StateName | null>(['RUNNING']);
  static override TO_STATES = universe;
}
class NarrowHooked extends OrchestrationRule {
  static override FROM_STATES = new Set<StateName | null>(['RUNNING']);
  static override TO_STATES = universe;
  override async afterTransition(): Promise<void> {}
}
class HooklessTransform extends UniversalTransform {}
class HookedTransform extends UniversalTransform {
  override async beforeTransition(): Promise<void> {}
  override async afterTransition(): Promise<void> {}
}

/** What happens inside the scope of the rule under test. */
type Inner = 'nothing' | 'reject to another type' | 'throw in before';

function innerRule(inner: Inner): RuleClass[] {
  if (inner === 'nothing') return [];
  class Inner extends OrchestrationRule {
    static override FROM_STATES = universe;
    static override TO_STATES = universe;
    override async beforeTransition(initial: State | null, proposed: State | null): Promise<void> {
      if (inner === 'throw in before') throw new Error('inner failure');
      this.rejectTransition(createState(otherType(initial?.type ?? null, proposed?.type ?? null)));
    }
  }
  return [Inner];
}

async function signatures(
  rules: RuleClass[],
  transforms: RuleClass[],
  from: StateName | null,
  to: StateName | null,
): Promise<{ entered: string[]; finalized: string[] }> {
  const context = new OrchestrationContext({
    run: {},
    initialState: from === null ? null : createState(from),
    proposedState: to === null ? null : createState(to),
  });
  await orchestrate({ context, rules, transforms, commit: (s, c) => s ?? c.initialState }).catch(
    () => undefined,
  );
  const rename = (name: string) => name.replace('Hookless', 'Hooked');
  return {
    entered: context.ruleSignature.map(rename),
    finalized: context.finalizationSignature.map(rename),
  };
}

describe('orchestrate with hookless rules and transforms', () => {
  for (const inner of ['nothing', 'reject to another type', 'throw in before'] as const) {
    it(`signs exactly as rules with empty hooks when the inner rule does ${inner}, for every pair`, async () => {
      for (const [from, to] of ALL_PAIRS) {
        const hookless = await signatures(
          [Hookless, NarrowHookless, ...innerRule(inner)],
          [HooklessTransform],
          from,
          to,
        );
        const hooked = await signatures(
          [Hooked, NarrowHooked, ...innerRule(inner)],
          [HookedTransform],
          from,
          to,
        );
        expect(hookless, `${from} → ${to}`).toEqual(hooked);
      }
    });
  }
});
