/**
 * `FlowOrchestrationContext`: the context of a flow-run transition. It carries the
 * engine's `TaskRunOrchestrator`, which subflow bookkeeping and legacy retries use to
 * orchestrate task runs in the same transaction.
 */
import { copyContextFields } from '../../orchestration-context.ts';
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

  /**
   * As `OrchestrationContext.copy`, written out field by field for this class (hooks
   * get a copy per hook); a subclass of it takes the generic path.
   */
  override copy(): this {
    const prototype = Object.getPrototypeOf(this) as object;
    if (prototype !== FlowOrchestrationContext.prototype) return super.copy();
    const copy = copyContextFields(this, Object.create(prototype) as this) as Writable<this>;
    copy.kind = this.kind;
    copy.session = this.session;
    copy.orchestrator = this.orchestrator;
    return copy;
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

type Writable<T> = { -readonly [K in keyof T]: T[K] };
