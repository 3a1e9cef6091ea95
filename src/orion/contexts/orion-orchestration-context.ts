/**
 * `OrionOrchestrationContext`: what the flow and task contexts share, as in Prefect:
 * the store session, the run accessors and the run settings.
 */
import type { MaybePromise } from '../../maybe-promise.ts';
import {
  OrchestrationContext,
  type OrchestrationContextInit,
} from '../../orchestration-context.ts';
import type { FlowRun } from '../runs/flow-run.ts';
import type { FlowRunPolicy } from '../runs/flow-run-policy.ts';
import type { OrionRun } from '../runs/orion-run.ts';
import type { RunKind } from '../runs/run-kind.ts';
import type { TaskRun } from '../runs/task-run.ts';
import type { TaskRunPolicy } from '../runs/task-run-policy.ts';
import type { OrionSession } from '../store/orion-session.ts';

export interface OrionOrchestrationContextInit<
  TRun extends OrionRun,
> extends OrchestrationContextInit<TRun> {
  /** The transaction's session: the run is its working copy. */
  session: OrionSession;
}

/**
 * Holds its collaborators in ordinary fields (not `#private`), because hooks get
 * shallow copies made with `copy()`, which must share the session.
 */
export abstract class OrionOrchestrationContext<
  TRun extends OrionRun,
> extends OrchestrationContext<TRun> {
  /** Which state table validation writes to. */
  abstract readonly kind: RunKind;
  readonly session: OrionSession;

  constructor(init: OrionOrchestrationContextInit<TRun>) {
    super(init);
    this.session = init.session;
  }

  /** The flow run: the run itself (flow), or its parent flow run read from the store (task). */
  abstract flowRun(): MaybePromise<FlowRun | null>;

  /** The task run: null (flow), or the run itself (task). */
  abstract taskRun(): TaskRun | null;

  /** `run.empiricalPolicy`. */
  abstract runSettings(): FlowRunPolicy | TaskRunPolicy;
}
