/**
 * `checkInteger` and `checkNumber`: numbers every store keeps. Integer columns are
 * PostgreSQL `integer`s (`MAX_INTEGER`); other numbers must be finite, since JSON and
 * PostgreSQL would store NaN or Infinity as null or refuse them.
 */
import { describeInput } from './describe-input.ts';
import { InvalidInputError } from './invalid-input-error.ts';

/** Throws `InvalidInputError` unless `value` is an integer in [min, max] (or null when `nullable`). */
export function checkInteger(
  value: unknown,
  path: string,
  min: number,
  max: number,
  nullable = false,
): void {
  if (nullable && value === null) return;
  if (typeof value !== 'number') throw wrongType(value, path, 'an integer', nullable);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidInputError(
      'out-of-range',
      path,
      `${path} must be an integer from ${min} to ${max}${nullable ? ', or null' : ''}, got ${describeInput(value)}.`,
    );
  }
}

/** Throws `InvalidInputError` unless `value` is a finite number in [min, max] (or null when `nullable`). */
export function checkNumber(
  value: unknown,
  path: string,
  min: number,
  max: number,
  nullable = false,
): void {
  if (nullable && value === null) return;
  if (typeof value !== 'number') throw wrongType(value, path, 'a number', nullable);
  if (!(value >= min && value <= max)) {
    throw new InvalidInputError(
      'out-of-range',
      path,
      `${path} must be a finite number from ${min} to ${max}${nullable ? ', or null' : ''}, got ${describeInput(value)}.`,
    );
  }
}

/** Throws `InvalidInputError` unless `value` is a boolean (or null when `nullable`). */
export function checkBoolean(value: unknown, path: string, nullable = false): void {
  if (typeof value === 'boolean' || (nullable && value === null)) return;
  throw wrongType(value, path, 'a boolean', nullable);
}

function wrongType(
  value: unknown,
  path: string,
  expected: string,
  nullable: boolean,
): InvalidInputError {
  return new InvalidInputError(
    'wrong-type',
    path,
    `${path} must be ${expected}${nullable ? ' or null' : ''}, got ${describeInput(value)}.`,
  );
}
