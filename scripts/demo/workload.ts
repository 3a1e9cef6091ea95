/**
 * `planWorkload`: the demo's runs, drawn from a seeded random source: flow runs with
 * schedules, retries, deployments, pauses and cancellations, and their task runs with
 * tags, durations, retries, jitter, cache keys and subflows.
 */
import type { RandomSource } from '../../src/index.ts';

export interface TaskPlan {
  tags: string[];
  durationSeconds: number;
  /** Chance that an attempt fails. */
  failureRate: number;
  retries: number | null;
  retryDelay: number | number[] | null;
  retryJitterFactor: number | null;
  cacheKey: string | null;
  /** When set, the task is a subflow's parent task and this subflow drives it. */
  subflow: FlowPlan | null;
}

export interface PausePlan {
  /** Seconds after the flow starts. */
  afterSeconds: number;
  reschedule: boolean;
  timeoutSeconds: number;
  /** When the operator resumes, in seconds after the pause (late resumes time out). */
  resumeAfterSeconds: number;
}

export interface FlowPlan {
  startOffsetSeconds: number;
  retries: number | null;
  retryDelay: number | null;
  deployed: boolean;
  pause: PausePlan | null;
  /** Seconds after the flow starts when an operator cancels it. */
  cancelAfterSeconds: number | null;
  /** Whether an operator retries the run by hand once it has failed. */
  manualRetry: boolean;
  tasks: TaskPlan[];
}

/** `count` top-level flow plans. */
export function planWorkload(random: RandomSource, count: number): FlowPlan[] {
  const draw = new Draw(random);
  return Array.from({ length: count }, () => planFlow(draw, true));
}

function planFlow(draw: Draw, topLevel: boolean): FlowPlan {
  const deployed = draw.chance(0.5);
  const pause: PausePlan | null =
    topLevel && draw.chance(0.12)
      ? {
          afterSeconds: draw.int(1, 20),
          reschedule: deployed && draw.chance(0.5),
          timeoutSeconds: 120,
          resumeAfterSeconds: draw.int(10, 200),
        }
      : null;
  return {
    startOffsetSeconds: topLevel ? draw.int(0, 900) : 0,
    retries: draw.chance(0.3) ? 1 : null,
    retryDelay: 20,
    deployed,
    pause,
    cancelAfterSeconds: topLevel && pause === null && draw.chance(0.06) ? draw.int(5, 40) : null,
    manualRetry: topLevel && draw.chance(0.3),
    tasks: Array.from({ length: draw.int(1, topLevel ? 4 : 2) }, () => planTask(draw, topLevel)),
  };
}

function planTask(draw: Draw, topLevel: boolean): TaskPlan {
  const tagRoll = draw.next();
  const tags = tagRoll < 0.4 ? ['db'] : tagRoll < 0.55 ? ['gpu'] : tagRoll < 0.57 ? ['frozen'] : [];
  const retried = draw.chance(0.5);
  return {
    tags,
    durationSeconds: draw.int(3, 40),
    failureRate: 0.25,
    retries: retried ? draw.int(1, 2) : null,
    retryDelay: retried ? (draw.chance(0.3) ? [5, 10, 20] : 5) : null,
    retryJitterFactor: retried && draw.chance(0.3) ? 0.5 : null,
    cacheKey: draw.chance(0.25) ? `key-${draw.int(0, 19)}` : null,
    subflow: topLevel && draw.chance(0.08) ? planFlow(draw, false) : null,
  };
}

class Draw {
  readonly #random: RandomSource;
  constructor(random: RandomSource) {
    this.#random = random;
  }
  next(): number {
    return this.#random.random();
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
}
