/**
 * `TaskRunPolicy`: a task run's `empirical_policy` (Prefect's `TaskRunPolicy`): retries,
 * their delays and jitter.
 */

/** The most entries a `retryDelay` list may hold. */
export const MAX_RETRY_DELAYS = 50;

export interface TaskRunPolicy {
  /** How many automatic retries the task gets; null means none. */
  retries: number | null;
  /** Seconds before a retry: one value, or one per retry (the last reused once exhausted). */
  retryDelay: number | number[] | null;
  /** Jitter as a fraction of the delay (see `clampedPoissonInterval`); null or 0 means none. */
  retryJitterFactor: number | null;
  /** Deprecated: back-filled into `retries` when that is unset or 0. */
  maxRetries: number;
  /** Deprecated: back-filled into `retryDelay` when that is unset or 0. */
  retryDelaySeconds: number;
}

export type TaskRunPolicyInit = Partial<TaskRunPolicy>;

/**
 * A `TaskRunPolicy` with defaults applied and the deprecated back-fill (as for flow
 * runs). Throws a `TypeError` for a delay list longer than 50 entries or a negative
 * jitter factor, as the reference's schema validation does.
 */
export function createTaskRunPolicy(init: TaskRunPolicyInit = {}): TaskRunPolicy {
  const policy: TaskRunPolicy = {
    retries: init.retries ?? null,
    retryDelay: Array.isArray(init.retryDelay) ? [...init.retryDelay] : (init.retryDelay ?? null),
    retryJitterFactor: init.retryJitterFactor ?? null,
    maxRetries: init.maxRetries ?? 0,
    retryDelaySeconds: init.retryDelaySeconds ?? 0,
  };
  if (Array.isArray(policy.retryDelay) && policy.retryDelay.length > MAX_RETRY_DELAYS) {
    throw new TypeError(
      `A task run's retryDelay list may hold at most ${MAX_RETRY_DELAYS} entries, got ${policy.retryDelay.length}.`,
    );
  }
  if (policy.retryJitterFactor !== null && !(policy.retryJitterFactor >= 0)) {
    throw new TypeError(
      `A task run's retryJitterFactor must be >= 0, got ${policy.retryJitterFactor}.`,
    );
  }
  if (!policy.retries && policy.maxRetries) policy.retries = policy.maxRetries;
  if (!policy.retryDelay && policy.retryDelaySeconds) policy.retryDelay = policy.retryDelaySeconds;
  return policy;
}

/** An independent copy (its own delay list), written in the declared field order. */
export function copyTaskRunPolicy(policy: TaskRunPolicy): TaskRunPolicy {
  return {
    retries: policy.retries,
    retryDelay: Array.isArray(policy.retryDelay) ? [...policy.retryDelay] : policy.retryDelay,
    retryJitterFactor: policy.retryJitterFactor,
    maxRetries: policy.maxRetries,
    retryDelaySeconds: policy.retryDelaySeconds,
  };
}
