/**
 * `SecureTaskConcurrencySlots` (Prefect's policy rule): a task run entering RUNNING
 * takes a slot on every tag limit it has, or waits (a full limit) or aborts (a limit
 * of 0) holding none.
 *
 * Differs from the reference on purpose (a bug fix): it stops at the first tag that
 * blocks, so no slot is taken on a later tag and the first blocking tag's status and
 * reason stand. The reference went on through later tags and leaked their slots.
 */
import { whenReady } from '../../maybe-promise.ts';
import { OrchestrationRule } from '../../orchestration-rule.ts';
import { declareReadOnlyHooks } from '../../read-only-hooks.ts';
import type { State } from '../../state.ts';
import { ALL_ORCHESTRATION_STATES, StateType, type StateName } from '../../state-type.ts';
import type { StateSet } from '../../state-set.ts';
import type { TaskOrchestrationContext } from '../contexts/task-orchestration-context.ts';
import type { ConcurrencyLimit } from '../store/concurrency-limits.ts';

/** Seconds a task run waits when a tag's limit is full (the reference's setting default). */
export const TASK_RUN_TAG_CONCURRENCY_SLOT_WAIT_SECONDS = 30;

export class SecureTaskConcurrencySlots extends OrchestrationRule<TaskOrchestrationContext> {
  static override FROM_STATES: StateSet = ALL_ORCHESTRATION_STATES;
  static override TO_STATES: StateSet = new Set<StateName | null>([StateType.RUNNING]);

  /** Tags on which this transition took a slot. */
  #appliedTags: string[] = [];

  /**
   * Walks the run's limits in tag order: a limit of 0 aborts, a full limit (counting
   * every slot entry, this run's included) delays 30 s, and each blocking case first
   * gives back the slots taken so far; otherwise the run's id joins the slot set.
   */
  override beforeTransition(
    _initial: State | null,
    _proposed: State | null,
    context: TaskOrchestrationContext,
  ): void | Promise<void> {
    return whenReady(context.session.readConcurrencyLimits(context.run.tags), (limits) =>
      this.#secure(limits, context.run.id),
    );
  }

  #secure(limits: readonly ConcurrencyLimit[], runId: string): void {
    const byTag = new Map(limits.map((limit) => [limit.tag, limit]));
    for (const limit of limits) {
      if (limit.concurrencyLimit === 0) {
        this.#releaseApplied(byTag, runId);
        this.abortTransition(
          `The concurrency limit on tag "${limit.tag}" is 0 and will deadlock if the task tries to run again.`,
        );
        return;
      }
      if (limit.activeSlots.length >= limit.concurrencyLimit) {
        this.#releaseApplied(byTag, runId);
        this.delayTransition(
          TASK_RUN_TAG_CONCURRENCY_SLOT_WAIT_SECONDS,
          `Concurrency limit for the ${limit.tag} tag has been reached`,
        );
        return;
      }
      if (!limit.activeSlots.includes(runId)) limit.activeSlots.push(runId);
      this.#appliedTags.push(limit.tag);
    }
  }

  /** Gives back the slots taken in before, re-reading each limit by tag (rare: `async`). */
  override async cleanup(
    _initial: State | null,
    _validated: State | null,
    context: TaskOrchestrationContext,
  ): Promise<void> {
    for (const tag of this.#appliedTags) {
      const limit = await context.session.readConcurrencyLimit(tag);
      if (limit !== null) removeSlot(limit, context.run.id);
    }
    this.#appliedTags = [];
  }

  #releaseApplied(byTag: ReadonlyMap<string, ConcurrencyLimit>, runId: string): void {
    for (const tag of this.#appliedTags) removeSlot(byTag.get(tag)!, runId);
    this.#appliedTags = [];
  }
}

// Reviewed: its hooks only read their arguments (see read-only-hooks.ts).
declareReadOnlyHooks(SecureTaskConcurrencySlots);

function removeSlot(limit: ConcurrencyLimit, runId: string): void {
  limit.activeSlots = limit.activeSlots.filter((id) => id !== runId);
}
