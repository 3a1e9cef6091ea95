/**
 * `CacheInsertion` (Prefect's policy rule): a task run that completes with a cache
 * key adds a cache entry pointing at its validated state.
 */
import { OrchestrationRule } from '../../orchestration-rule.ts';
import { declareReadOnlyHooks } from '../../read-only-hooks.ts';
import type { State } from '../../state.ts';
import { ALL_ORCHESTRATION_STATES, StateType, type StateName } from '../../state-type.ts';
import type { StateSet } from '../../state-set.ts';
import type { TaskOrchestrationContext } from '../contexts/task-orchestration-context.ts';

export class CacheInsertion extends OrchestrationRule<TaskOrchestrationContext> {
  static override FROM_STATES: StateSet = ALL_ORCHESTRATION_STATES;
  static override TO_STATES: StateSet = new Set<StateName | null>([StateType.COMPLETED]);

  /** Adds `{key, expiration, validated state id}` when the validated state has a key. */
  override afterTransition(
    _initial: State | null,
    validated: State | null,
    context: TaskOrchestrationContext,
  ): void | Promise<void> {
    const cacheKey = validated?.stateDetails.cacheKey;
    if (!validated || !cacheKey) return;
    return context.session.insertCacheEntry({
      cacheKey,
      cacheExpiration: validated.stateDetails.cacheExpiration,
      taskRunStateId: validated.id,
      created: context.now(),
    });
  }
}

// Reviewed: its hooks only read their arguments (see read-only-hooks.ts).
declareReadOnlyHooks(CacheInsertion);
