/**
 * Which database failures a transaction retries, and how long it waits between
 * attempts. Serialization failures (SQLSTATE 40001) and deadlocks (40P01, PostgreSQL
 * aborts one of the transactions in a lock cycle) are transient: running the whole
 * transaction again, on fresh rows, is the cure.
 */
import { sqlState } from './store-errors.ts';

/** SQLSTATEs that mean "run the transaction again". */
export const RETRYABLE_SQLSTATES: ReadonlySet<string> = new Set(['40001', '40P01']);

/** True when `error` is a serialization failure or a deadlock. */
export function isRetryable(error: unknown): boolean {
  const code = sqlState(error);
  return code !== undefined && RETRYABLE_SQLSTATES.has(code);
}

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1): exponential from
 * `baseMs`, capped at 1 s, with full jitter so the transactions that collided do not
 * collide again in step.
 */
export function retryDelayMs(
  attempt: number,
  baseMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(1000, baseMs * 2 ** (attempt - 1));
  return random() * ceiling;
}
