/**
 * `CacheRetrieval` (Prefect's policy rule): a task run about to run whose proposal
 * carries a live cache key gets the cached result instead: a `Cached` copy of the
 * cached COMPLETED state. First in the task policy, so a hit wins over every other rule.
 */
import { whenReady } from '../../maybe-promise.ts';
import { OrchestrationRule } from '../../orchestration-rule.ts';
import { declareReadOnlyHooks } from '../../read-only-hooks.ts';
import { copyState, type State } from '../../state.ts';
import { ALL_ORCHESTRATION_STATES, StateType, type StateName } from '../../state-type.ts';
import type { StateSet } from '../../state-set.ts';
import type { TaskOrchestrationContext } from '../contexts/task-orchestration-context.ts';

export class CacheRetrieval extends OrchestrationRule<TaskOrchestrationContext> {
  static override FROM_STATES: StateSet = ALL_ORCHESTRATION_STATES;
  static override TO_STATES: StateSet = new Set<StateName | null>([StateType.RUNNING]);

  /**
   * Looks the key up (unless `refreshCache`); on a hit whose state still exists,
   * rejects with a copy of it: fresh id and timestamp, name `Cached`, everything else
   * (type, message, data, details) as cached.
   */
  override beforeTransition(
    _initial: State | null,
    proposed: State | null,
    context: TaskOrchestrationContext,
  ): void | Promise<void> {
    const details = proposed!.stateDetails; // TO = {RUNNING}
    if (!details.cacheKey || details.refreshCache) return;
    const session = context.session;
    return whenReady(session.readCacheEntry(details.cacheKey, context.now()), (entry) => {
      if (entry === null) return;
      return whenReady(session.readState('task', entry.taskRunStateId), (cached) => {
        if (cached === null) return;
        const state = copyState(cached, { clock: context.clock, random: context.random });
        state.name = 'Cached';
        this.rejectTransition(state, 'Retrieved state from cache');
      });
    });
  }
}

// Reviewed: its hooks only read their arguments (see read-only-hooks.ts).
declareReadOnlyHooks(CacheRetrieval);
