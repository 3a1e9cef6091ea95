/**
 * `validateConcurrencyLimit`: the check every store's `setConcurrencyLimit` makes
 * before it writes anything, so that all stores refuse the same limits with the same
 * `InvalidInputError`: the tag is a key, the limit an integer from 0 to `MAX_INTEGER`
 * (a PostgreSQL `integer`: 2^31 is refused everywhere), the slots an array of run ids.
 */
import { checkInteger } from './check-number.ts';
import { checkKey } from './check-text.ts';
import { describeInput } from './describe-input.ts';
import { InvalidInputError } from './invalid-input-error.ts';
import { MAX_INTEGER } from './storage-limits.ts';

export function validateConcurrencyLimit(
  tag: unknown,
  concurrencyLimit: unknown,
  activeSlots?: unknown,
): void {
  checkKey(tag, 'tag');
  checkInteger(concurrencyLimit, 'concurrencyLimit', 0, MAX_INTEGER);
  if (activeSlots === undefined) return;
  if (!Array.isArray(activeSlots)) {
    throw new InvalidInputError(
      'wrong-type',
      'activeSlots',
      `activeSlots must be an array of task run ids, got ${describeInput(activeSlots)}.`,
    );
  }
  activeSlots.forEach((id, index) => checkKey(id, `activeSlots[${index}]`));
}
