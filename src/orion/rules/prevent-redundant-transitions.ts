/**
 * `PreventRedundantTransitions` (Prefect's policy rule): aborts moves that go
 * backwards or stay put along null < SCHEDULED < PENDING < RUNNING < CANCELLING, which
 * guards against two agents orchestrating the same run.
 */
import { OrchestrationRule } from '../../orchestration-rule.ts';
import { declareReadOnlyHooks } from '../../read-only-hooks.ts';
import type { State } from '../../state.ts';
import { StateType, type StateName } from '../../state-type.ts';
import type { StateSet } from '../../state-set.ts';
import type { OrionContext } from '../contexts/orion-context.ts';

const RANKS: ReadonlyMap<StateName | null, number> = new Map<StateName | null, number>([
  [null, 0],
  [StateType.SCHEDULED, 1],
  [StateType.PENDING, 2],
  [StateType.RUNNING, 3],
  [StateType.CANCELLING, 4],
]);

export class PreventRedundantTransitions extends OrchestrationRule<OrionContext> {
  static override FROM_STATES: StateSet = new Set(RANKS.keys());
  static override TO_STATES: StateSet = new Set(RANKS.keys());

  /** Aborts when rank(proposed) <= rank(initial). */
  override beforeTransition(
    initial: State | null,
    proposed: State | null,
    _context: OrionContext,
  ): void {
    const from = initial?.type ?? null;
    const to = proposed?.type ?? null;
    if (RANKS.get(to)! <= RANKS.get(from)!) {
      this.abortTransition(`This run cannot transition to the ${to} state from the ${from} state.`);
    }
  }
}

// Reviewed: its hooks only read their arguments (see read-only-hooks.ts).
declareReadOnlyHooks(PreventRedundantTransitions);
