/**
 * `guardedStore`: the store as an `OrionTestBed` hands it out (`bed.store`, and the
 * store of `bed.engine`): every call is passed on, unless it comes from inside an open
 * test transaction of the bed, in the same async flow; then it is rejected with the
 * kit's error (see `test-transaction-scope.ts`), the same on every store.
 */
import type { OrionRunStore } from '../../orion/store/orion-run-store.ts';
import { callInsideTestTransactionError, openTestTransactionOf } from './test-transaction-scope.ts';

export function guardedStore(store: OrionRunStore): OrionRunStore {
  const refused = (method: string): Promise<never> | null =>
    openTestTransactionOf(store) === null
      ? null
      : Promise.reject(callInsideTestTransactionError(`store.${method}()`));
  return {
    transaction: (work) => refused('transaction') ?? store.transaction(work),
    addFlowRun: (init) => refused('addFlowRun') ?? store.addFlowRun(init),
    addTaskRun: (init) => refused('addTaskRun') ?? store.addTaskRun(init),
    setConcurrencyLimit: (tag, limit, activeSlots) =>
      refused('setConcurrencyLimit') ?? store.setConcurrencyLimit(tag, limit, activeSlots),
    deleteConcurrencyLimit: (tag) =>
      refused('deleteConcurrencyLimit') ?? store.deleteConcurrencyLimit(tag),
    flowRun: (id) => refused('flowRun') ?? store.flowRun(id),
    taskRun: (id) => refused('taskRun') ?? store.taskRun(id),
    concurrencyLimit: (tag) => refused('concurrencyLimit') ?? store.concurrencyLimit(tag),
    stateHistory: (kind, runId) => refused('stateHistory') ?? store.stateHistory(kind, runId),
    cacheEntries: () => refused('cacheEntries') ?? store.cacheEntries(),
    contents: () => refused('contents') ?? store.contents(),
  };
}
