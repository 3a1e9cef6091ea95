/**
 * `RunRecords`: the store port for flow and task runs: reading the run being
 * orchestrated, a task's parent flow run, a subflow's parent task run and the task
 * runs of a flow; and inserting new runs inside a session (setup code and the testing
 * kit; the rules never insert runs).
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
  /**
   * Adds the new flow run `run` in this session (committed with it) and returns the
   * session's working copy of it, which later reads in the session return. Throws when
   * a flow run with that id exists. May return the record itself, synchronously.
   */
  insertFlowRun(run: FlowRun): MaybePromise<FlowRun>;
  /** Adds the new task run `run`; the same contract as `insertFlowRun`. */
  insertTaskRun(run: TaskRun): MaybePromise<TaskRun>;
}
