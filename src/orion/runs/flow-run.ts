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
import { copyRunColumns, initialRunColumns, type OrionRun } from './orion-run.ts';

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

/** A new flow run record: no state, run count 0, defaults for every unset column. */
export function createFlowRun(init: FlowRunInit): FlowRun {
  const { empiricalPolicy, ...columns } = init;
  return {
    ...initialRunColumns(),
    tags: [],
    deploymentId: null,
    parentTaskRunId: null,
    ...columns,
    empiricalPolicy: createFlowRunPolicy(empiricalPolicy),
  };
}

/** An independent copy: its dates, tags and policy are copied too. */
export function copyFlowRun(run: FlowRun): FlowRun {
  return {
    ...run,
    ...copyRunColumns(run),
    empiricalPolicy: copyFlowRunPolicy(run.empiricalPolicy),
  };
}
