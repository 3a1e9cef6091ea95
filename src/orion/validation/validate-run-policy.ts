/**
 * `validateFlowRunPolicyInit` and `validateTaskRunPolicyInit`: the empirical policy of
 * a run being added. Retries are integers (`retries: Infinity` or `1.5` is refused on
 * every store: JSON would store Infinity as null, which means "no retries"); delays and
 * the jitter factor are finite and bounded (`MAX_RETRY_DELAY_SECONDS`,
 * `MAX_RETRY_JITTER_FACTOR`) so that a retry's scheduled time is a date every store
 * keeps. `null` or `undefined` means the default, as in `createFlowRunPolicy`.
 */
import { MAX_RETRY_DELAYS } from '../runs/task-run-policy.ts';
import { checkBoolean, checkInteger, checkNumber } from './check-number.ts';
import { checkText } from './check-text.ts';
import { describeInput } from './describe-input.ts';
import { InvalidInputError } from './invalid-input-error.ts';
import { MAX_INTEGER, MAX_RETRY_DELAY_SECONDS, MAX_RETRY_JITTER_FACTOR } from './storage-limits.ts';

/** Throws `InvalidInputError` unless `init` is undefined or a flow run policy every store keeps. */
export function validateFlowRunPolicyInit(init: unknown, path: string): void {
  const policy = policyObject(init, path);
  if (policy === null) return;
  checkRetries(policy, path);
  checkDelay(policy['retryDelay'], `${path}.retryDelay`);
  const pauseKeys = policy['pauseKeys'];
  if (pauseKeys !== undefined && pauseKeys !== null) {
    if (!Array.isArray(pauseKeys) && !(pauseKeys instanceof Set)) {
      throw new InvalidInputError(
        'wrong-type',
        `${path}.pauseKeys`,
        `${path}.pauseKeys must be an array or a Set of strings, got ${describeInput(pauseKeys)}.`,
      );
    }
    let index = 0;
    for (const key of pauseKeys) checkText(key, `${path}.pauseKeys[${index++}]`);
  }
  if (policy['resuming'] != null) checkBoolean(policy['resuming'], `${path}.resuming`);
}

/** Throws `InvalidInputError` unless `init` is undefined or a task run policy every store keeps. */
export function validateTaskRunPolicyInit(init: unknown, path: string): void {
  const policy = policyObject(init, path);
  if (policy === null) return;
  checkRetries(policy, path);
  const delay = policy['retryDelay'];
  if (Array.isArray(delay)) {
    if (delay.length > MAX_RETRY_DELAYS) {
      throw new InvalidInputError(
        'out-of-range',
        `${path}.retryDelay`,
        `${path}.retryDelay may hold at most ${MAX_RETRY_DELAYS} delays, got ${delay.length}.`,
      );
    }
    delay.forEach((seconds, index) => checkDelay(seconds, `${path}.retryDelay[${index}]`));
  } else {
    checkDelay(delay, `${path}.retryDelay`);
  }
  const jitter = policy['retryJitterFactor'];
  if (jitter != null) checkNumber(jitter, `${path}.retryJitterFactor`, 0, MAX_RETRY_JITTER_FACTOR);
}

function policyObject(init: unknown, path: string): Record<string, unknown> | null {
  if (init === undefined || init === null) return null;
  if (typeof init !== 'object' || Array.isArray(init)) {
    throw new InvalidInputError(
      'wrong-type',
      path,
      `${path} must be an object, got ${describeInput(init)}.`,
    );
  }
  return init as Record<string, unknown>;
}

function checkRetries(policy: Record<string, unknown>, path: string): void {
  for (const field of ['retries', 'maxRetries']) {
    const value = policy[field];
    if (value != null) checkInteger(value, `${path}.${field}`, 0, MAX_INTEGER);
  }
  const seconds = policy['retryDelaySeconds'];
  if (seconds != null) checkDelay(seconds, `${path}.retryDelaySeconds`);
}

function checkDelay(value: unknown, path: string): void {
  if (value != null) checkNumber(value, path, 0, MAX_RETRY_DELAY_SECONDS);
}
