/**
 * `checkText` and `checkKey`: strings every store keeps unchanged. PostgreSQL text and
 * JSON cannot hold a NUL character, and UTF-8 cannot encode a lone surrogate (the
 * drivers would store U+FFFD instead, or fail); keys are also bounded in length
 * (`MAX_KEY_LENGTH`), since they are indexed.
 */
import { describeInput } from './describe-input.ts';
import { InvalidInputError } from './invalid-input-error.ts';
import { MAX_KEY_LENGTH } from './storage-limits.ts';

/** Any NUL or surrogate: a quick test that nearly every string passes. */
const SUSPECT_CHARACTER = /[\0\uD800-\uDFFF]/;
/** A NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one. */
const UNSTORABLE_CHARACTER =
  /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Throws `InvalidInputError` unless `value` is a string every store keeps (or null
 * when `nullable`). `path` names the field in the message.
 */
export function checkText(value: unknown, path: string, nullable = false): void {
  if (typeof value !== 'string') {
    if (nullable && value === null) return;
    throw new InvalidInputError(
      'wrong-type',
      path,
      `${path} must be a string${nullable ? ' or null' : ''}, got ${describeInput(value)}.`,
    );
  }
  assertStorableText(value, path);
}

/** As `checkText`, and at most `MAX_KEY_LENGTH` code units long: ids, tags, cache keys. */
export function checkKey(value: unknown, path: string, nullable = false): void {
  checkText(value, path, nullable);
  if (typeof value === 'string' && value.length > MAX_KEY_LENGTH) {
    throw new InvalidInputError(
      'too-long',
      path,
      `${path} must be at most ${MAX_KEY_LENGTH} characters long (ids, tags and cache keys are indexed, and an index entry has a size limit), got ${describeInput(value)}.`,
    );
  }
}

/** Whether every store keeps `value` as it is: no NUL, no lone surrogate. */
export function isStorableText(value: string): boolean {
  if (value.length > SHORT_STRING_LENGTH) {
    return !SUSPECT_CHARACTER.test(value) || !UNSTORABLE_CHARACTER.test(value);
  }
  // Short strings (names, ids, keys: nearly all of them) are quicker to scan by hand.
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code === 0 || (code >= 0xd800 && code <= 0xdfff)) return !UNSTORABLE_CHARACTER.test(value);
  }
  return true;
}

/** Up to this length, `isStorableText` scans by hand rather than with a regular expression. */
const SHORT_STRING_LENGTH = 64;

/** Throws `InvalidInputError` (`invalid-text`) when the string holds a NUL or a lone surrogate. */
export function assertStorableText(value: string, path: string): void {
  if (isStorableText(value)) return;
  const found = UNSTORABLE_CHARACTER.exec(value);
  if (found === null) return;
  const code = value.charCodeAt(found.index);
  const what =
    code === 0
      ? 'a NUL character (U+0000)'
      : `a lone surrogate (U+${code.toString(16).toUpperCase()}, half of a UTF-16 pair)`;
  throw new InvalidInputError(
    'invalid-text',
    path,
    `${path} holds ${what} at index ${found.index}, which PostgreSQL cannot store in text or JSON, got ${describeInput(value)}: remove it, or encode the value (e.g. base64) first.`,
  );
}
