/**
 * `TaskRun`: a task run record (docs/orion-preset.md#runs): the shared run columns plus
 * its flow run, the flow attempt it belongs to, the empirical policy and the cache
 * columns (which orchestration does not read: only the state's details matter).
 */
import { copyRunColumns, initialRunColumns, type OrionRun } from './orion-run.ts';
import {
  copyTaskRunPolicy,
  createTaskRunPolicy,
  type TaskRunPolicy,
  type TaskRunPolicyInit,
} from './task-run-policy.ts';

export interface TaskRun extends OrionRun {
  flowRunId: string;
  /** The parent flow's `runCount` when this task last entered RUNNING. */
  flowRunRunCount: number;
  empiricalPolicy: TaskRunPolicy;
  cacheKey: string | null;
  cacheExpiration: Date | null;
}

/** What `createTaskRun` takes: an id, the flow run id, and any other column. */
export type TaskRunInit = Partial<Omit<TaskRun, 'id' | 'flowRunId' | 'empiricalPolicy'>> & {
  id: string;
  flowRunId: string;
  empiricalPolicy?: TaskRunPolicyInit;
};

/** A new task run record: no state, run count 0, defaults for every unset column. */
export function createTaskRun(init: TaskRunInit): TaskRun {
  const { empiricalPolicy, ...columns } = init;
  return {
    ...initialRunColumns(),
    tags: [],
    flowRunRunCount: 0,
    cacheKey: null,
    cacheExpiration: null,
    ...columns,
    empiricalPolicy: createTaskRunPolicy(empiricalPolicy),
  };
}

/** An independent copy: its dates, tags and policy are copied too. */
export function copyTaskRun(run: TaskRun): TaskRun {
  return {
    ...run,
    ...copyRunColumns(run),
    cacheExpiration: copyDate(run.cacheExpiration),
    empiricalPolicy: copyTaskRunPolicy(run.empiricalPolicy),
  };
}

function copyDate(date: Date | null): Date | null {
  return date === null ? null : new Date(date.getTime());
}
