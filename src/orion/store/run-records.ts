/**
 * `RunRecords`: the store port for reading flow and task runs: the run being orchestrated, a task's parent flow run, a subflow's parent
 * task run, and the task runs of a flow.
 */
import type { MaybePromise } from '../../maybe-promise.ts';
import type { FlowRun } from '../runs/flow-run.ts';
import type { TaskRun } from '../runs/task-run.ts';

export interface RunRecords {
  /**
   * The flow run `id`, or null when there is none. Within one session every read of
   * the same run returns the same record (the session's working copy): rules mutate it
   * directly, and the changes commit with the session.
   */
  readFlowRun(id: string): MaybePromise<FlowRun | null>;
  /** The task run `id`, or null; the same working-copy contract as `readFlowRun`. */
  readTaskRun(id: string): MaybePromise<TaskRun | null>;
  /** The task runs of flow run `flowRunId` (working copies), in creation order. */
  readTaskRunsOfFlow(flowRunId: string): MaybePromise<TaskRun[]>;
}
