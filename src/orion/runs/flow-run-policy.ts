/**
 * `FlowRunPolicy`: a flow run's `empirical_policy` (Prefect's `FlowRunPolicy`): retries,
 * the pause keys already used and the `resuming` flag.
 */

export interface FlowRunPolicy {
  /** How many automatic retries the flow gets; null means none. */
  retries: number | null;
  /** Seconds between a failure and its retry; null means 0. */
  retryDelay: number | null;
  /** Keys of the pauses that already happened: each pause key pauses a run once. */
  pauseKeys: Set<string>;
  /** True between a successful resume and the next RUNNING or final state. */
  resuming: boolean;
  /** Deprecated: back-filled into `retries` when that is unset or 0. */
  maxRetries: number;
  /** Deprecated: back-filled into `retryDelay` when that is unset or 0. */
  retryDelaySeconds: number;
}

/** What `createFlowRunPolicy` takes: any field, with `pauseKeys` as any iterable. */
export type FlowRunPolicyInit = Partial<Omit<FlowRunPolicy, 'pauseKeys'>> & {
  pauseKeys?: Iterable<string>;
};

/**
 * A `FlowRunPolicy` with defaults applied, then the deprecated back-fill: when `retries`
 * (or `retryDelay`) is unset or 0 and `maxRetries` (or `retryDelaySeconds`) is not,
 * the deprecated value is copied into the new field.
 */
export function createFlowRunPolicy(init: FlowRunPolicyInit = {}): FlowRunPolicy {
  const policy: FlowRunPolicy = {
    retries: init.retries ?? null,
    retryDelay: init.retryDelay ?? null,
    pauseKeys: new Set(init.pauseKeys ?? []),
    resuming: init.resuming ?? false,
    maxRetries: init.maxRetries ?? 0,
    retryDelaySeconds: init.retryDelaySeconds ?? 0,
  };
  if (!policy.retries && policy.maxRetries) policy.retries = policy.maxRetries;
  if (!policy.retryDelay && policy.retryDelaySeconds) policy.retryDelay = policy.retryDelaySeconds;
  return policy;
}

/** An independent copy (its own `pauseKeys` set), written in the declared field order. */
export function copyFlowRunPolicy(policy: FlowRunPolicy): FlowRunPolicy {
  return {
    retries: policy.retries,
    retryDelay: policy.retryDelay,
    pauseKeys: new Set(policy.pauseKeys),
    resuming: policy.resuming,
    maxRetries: policy.maxRetries,
    retryDelaySeconds: policy.retryDelaySeconds,
  };
}
