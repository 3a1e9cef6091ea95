/**
 * `TaskOrchestrationContext`: the context of a task-run transition. Its `flowRun()`
 * reads the parent flow run from the store on every call, as Prefect's does.
 */
import type { MaybePromise } from '../../maybe-promise.ts';
import { copyContextFields } from '../../orchestration-context.ts';
import type { FlowRun } from '../runs/flow-run.ts';
import type { TaskRun } from '../runs/task-run.ts';
import type { TaskRunPolicy } from '../runs/task-run-policy.ts';
import { OrionOrchestrationContext } from './orion-orchestration-context.ts';

export class TaskOrchestrationContext extends OrionOrchestrationContext<TaskRun> {
  readonly kind = 'task' as const;

  /**
   * As `OrchestrationContext.copy`, written out field by field for this class (hooks
   * get a copy per hook); a subclass of it takes the generic path.
   */
  override copy(): this {
    const prototype = Object.getPrototypeOf(this) as object;
    if (prototype !== TaskOrchestrationContext.prototype) return super.copy();
    const copy = copyContextFields(this, Object.create(prototype) as this) as Writable<this>;
    copy.kind = this.kind;
    copy.session = this.session;
    return copy;
  }

  /** The parent flow run, read from the session now; null when it does not exist. */
  flowRun(): MaybePromise<FlowRun | null> {
    return this.session.readFlowRun(this.run.flowRunId);
  }

  /** The run itself. */
  taskRun(): TaskRun {
    return this.run;
  }

  runSettings(): TaskRunPolicy {
    return this.run.empiricalPolicy;
  }
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };
