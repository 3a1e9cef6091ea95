/**
 * `clampedPoissonInterval`: the retry jitter of `RetryFailedTasks`
 * (orion-behaviour.md 5.A): a draw from an exponential distribution with mean
 * `average`, clamped to [average·c, average·(1 + f)], by inverse CDF.
 */
import type { RandomSource } from '../random-source.ts';

/**
 * A delay around `average` seconds with clamping factor `factor` (> 0), using one
 * uniform draw from `random`. Never more than `(1 + factor) · average`. Throws a
 * `RangeError` when `average` is not positive (the distribution is undefined there;
 * callers skip jitter for a zero delay) or `factor` is not positive.
 */
export function clampedPoissonInterval(
  average: number,
  factor: number,
  random: RandomSource,
): number {
  if (!(average > 0)) {
    throw new RangeError(
      `A jittered retry delay needs an average greater than 0 seconds, got ${average}.`,
    );
  }
  if (!(factor > 0)) {
    throw new RangeError(`A retry jitter factor must be greater than 0, got ${factor}.`);
  }
  const k = 1 + factor;
  const upper = average * k;
  const lower = Math.max(0, average * lowerClampMultiple(k));
  const cdf = (x: number): number => 1 - Math.exp(-x / average);
  const lowerRv = cdf(lower);
  const u = lowerRv + (cdf(upper) - lowerRv) * random.random();
  return -Math.log(Math.max(1 - u, 1e-10)) * average;
}

/** c = log2(2^k / (2^k − 1)), or 0 once k ≥ 50 (where 2^k − 1 loses precision). */
function lowerClampMultiple(k: number): number {
  if (k >= 50) return 0;
  return Math.log2(2 ** k / (2 ** k - 1));
}
