/**
 * `TaskRun`: a task run record (docs/orion-preset.md#runs): the shared run columns plus
 * its flow run, the flow attempt it belongs to, the empirical policy and the cache
 * columns (which orchestration does not read: only the state's details matter).
 */
import { copyDate, type OrionRun } from './orion-run.ts';
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

/**
 * A new task run record: no state, run count 0, defaults for every unset column (a
 * column given as `undefined` keeps its default). Every field is written in the
 * declared order, as in `copyTaskRun`, so new runs and copies share one hidden class.
 */
export function createTaskRun(init: TaskRunInit): TaskRun {
  return {
    id: init.id,
    stateId: init.stateId ?? null,
    stateType: init.stateType ?? null,
    stateName: init.stateName ?? null,
    stateTimestamp: copyDate(init.stateTimestamp ?? null),
    runCount: init.runCount ?? 0,
    startTime: copyDate(init.startTime ?? null),
    endTime: copyDate(init.endTime ?? null),
    totalRunTime: init.totalRunTime ?? 0,
    expectedStartTime: copyDate(init.expectedStartTime ?? null),
    nextScheduledStartTime: copyDate(init.nextScheduledStartTime ?? null),
    tags: init.tags === undefined ? [] : [...init.tags],
    flowRunId: init.flowRunId,
    flowRunRunCount: init.flowRunRunCount ?? 0,
    empiricalPolicy: createTaskRunPolicy(init.empiricalPolicy),
    cacheKey: init.cacheKey ?? null,
    cacheExpiration: copyDate(init.cacheExpiration ?? null),
  };
}

/**
 * An independent copy: its dates, tags and policy are copied too. Written field by
 * field in the declared order (never spread): whatever the original's history, every
 * copy has the same hidden class. Fields outside `TaskRun` are not copied.
 */
export function copyTaskRun(run: TaskRun): TaskRun {
  return {
    id: run.id,
    stateId: run.stateId,
    stateType: run.stateType,
    stateName: run.stateName,
    stateTimestamp: copyDate(run.stateTimestamp),
    runCount: run.runCount,
    startTime: copyDate(run.startTime),
    endTime: copyDate(run.endTime),
    totalRunTime: run.totalRunTime,
    expectedStartTime: copyDate(run.expectedStartTime),
    nextScheduledStartTime: copyDate(run.nextScheduledStartTime),
    tags: [...run.tags],
    flowRunId: run.flowRunId,
    flowRunRunCount: run.flowRunRunCount,
    empiricalPolicy: copyTaskRunPolicy(run.empiricalPolicy),
    cacheKey: run.cacheKey,
    cacheExpiration: copyDate(run.cacheExpiration),
  };
}
