/**
 * `FlowRun`: a flow run record (docs/orion-preset.md#runs): the shared run columns plus
 * the deployment, the parent task of a subflow and the empirical policy.
 */
import {
  copyFlowRunPolicy,
  createFlowRunPolicy,
  type FlowRunPolicy,
  type FlowRunPolicyInit,
} from './flow-run-policy.ts';
import { copyDate, type OrionRun } from './orion-run.ts';

export interface FlowRun extends OrionRun {
  /** Read by the pause, resume and manual-retry rules: only deployed runs may reschedule. */
  deploymentId: string | null;
  /** Set for subflows: the parent flow's task run that tracks this subflow. */
  parentTaskRunId: string | null;
  empiricalPolicy: FlowRunPolicy;
}

/** What `createFlowRun` takes: an id, and any other column. */
export type FlowRunInit = Partial<Omit<FlowRun, 'id' | 'empiricalPolicy'>> & {
  id: string;
  empiricalPolicy?: FlowRunPolicyInit;
};

/**
 * A new flow run record: no state, run count 0, defaults for every unset column (a
 * column given as `undefined` keeps its default). Every field is written in the
 * declared order, as in `copyFlowRun`, so new runs and copies share one hidden class.
 */
export function createFlowRun(init: FlowRunInit): FlowRun {
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
    deploymentId: init.deploymentId ?? null,
    parentTaskRunId: init.parentTaskRunId ?? null,
    empiricalPolicy: createFlowRunPolicy(init.empiricalPolicy),
  };
}

/**
 * An independent copy: its dates, tags and policy are copied too. Written field by
 * field in the declared order (never spread): whatever the original's history, every
 * copy has the same hidden class. Fields outside `FlowRun` are not copied.
 */
export function copyFlowRun(run: FlowRun): FlowRun {
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
    deploymentId: run.deploymentId,
    parentTaskRunId: run.parentTaskRunId,
    empiricalPolicy: copyFlowRunPolicy(run.empiricalPolicy),
  };
}
