/**
 * `TaskRunOrchestrator`: how a flow-run rule or transform orchestrates a task run
 * inside the same transaction (a subflow's parent task, legacy retries). The engine
 * implements it; flow contexts carry it.
 */
import type { MaybePromise } from '../../maybe-promise.ts';
import type { OrchestrationResult } from '../../response.ts';
import type { State } from '../../state.ts';
import type { OrionSession } from '../store/orion-session.ts';

export interface TaskRunOrchestrator {
  /**
   * Forces `state` onto task run `taskRunId` within `session`: the minimal task
   * policy plus the global task transforms, no parameters (Prefect's `force=True`).
   * `state` is used as given (its id and timestamp are kept). Throws
   * `ObjectNotFoundError` when the task run does not exist.
   */
  forceTaskRunState(
    session: OrionSession,
    taskRunId: string,
    state: State,
  ): MaybePromise<OrchestrationResult>;
}
