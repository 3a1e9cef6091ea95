/**
 * `checkDate`: dates every store keeps: `Date` objects (not strings or numbers), valid,
 * between `MIN_DATE` and `MAX_DATE`.
 */
import { describeInput } from './describe-input.ts';
import { InvalidInputError } from './invalid-input-error.ts';
import { MAX_DATE, MIN_DATE } from './storage-limits.ts';

const MIN_TIME = MIN_DATE.getTime();
const MAX_TIME = MAX_DATE.getTime();

/** Throws `InvalidInputError` unless `value` is a valid `Date` in range (or null when `nullable`). */
export function checkDate(value: unknown, path: string, nullable = false): void {
  if (nullable && value === null) return;
  if (!(value instanceof Date)) {
    throw new InvalidInputError(
      'wrong-type',
      path,
      `${path} must be a Date${nullable ? ' or null' : ''}, got ${describeInput(value)}${typeof value === 'string' ? `: pass new Date(${JSON.stringify(value)})` : ''}.`,
    );
  }
  const time = value.getTime();
  if (!(time >= MIN_TIME && time <= MAX_TIME)) {
    throw new InvalidInputError(
      'out-of-range',
      path,
      `${path} must be a valid Date from ${MIN_DATE.toISOString()} to ${MAX_DATE.toISOString()}, got ${describeInput(value)}.`,
    );
  }
}
