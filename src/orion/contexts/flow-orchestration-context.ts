/**
 * `FlowOrchestrationContext`: the context of a flow-run transition. It carries the
 * engine's `TaskRunOrchestrator`, which subflow bookkeeping and legacy retries use to
 * orchestrate task runs in the same transaction.
 */
import type { FlowRun } from '../runs/flow-run.ts';
import type { FlowRunPolicy } from '../runs/flow-run-policy.ts';
import {
  OrionOrchestrationContext,
  type OrionOrchestrationContextInit,
} from './orion-orchestration-context.ts';
import type { TaskRunOrchestrator } from './task-run-orchestrator.ts';

export interface FlowOrchestrationContextInit extends OrionOrchestrationContextInit<FlowRun> {
  orchestrator: TaskRunOrchestrator;
}

export class FlowOrchestrationContext extends OrionOrchestrationContext<FlowRun> {
  readonly kind = 'flow' as const;
  readonly orchestrator: TaskRunOrchestrator;

  constructor(init: FlowOrchestrationContextInit) {
    super(init);
    this.orchestrator = init.orchestrator;
  }

  /** The run itself. */
  flowRun(): FlowRun {
    return this.run;
  }

  /** Always null: a flow-run transition has no task run. */
  taskRun(): null {
    return null;
  }

  runSettings(): FlowRunPolicy {
    return this.run.empiricalPolicy;
  }
}
