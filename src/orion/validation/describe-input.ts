/**
 * `describeInput`: a short, exact description of a value for `InvalidInputError`
 * messages (`"RUNNING"`, `a BigInt (10n)`, `an Invalid Date`, `a Map`). Never throws.
 */

/** The longest string shown whole; longer ones are cut and their length given. */
const SHOWN_STRING_LENGTH = 40;

export function describeInput(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return value.length <= SHOWN_STRING_LENGTH
        ? JSON.stringify(value)
        : `${JSON.stringify(value.slice(0, SHOWN_STRING_LENGTH))}… (${value.length} characters)`;
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return `a BigInt (${value}n)`;
    case 'symbol':
      return `a symbol (${value.description ?? ''})`;
    case 'function':
      return value.name === '' ? 'a function' : `a function (${value.name})`;
    default:
      break;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? 'an Invalid Date' : `a Date (${value.toISOString()})`;
  }
  try {
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype === Object.prototype || prototype === null) return 'an object';
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== '' ? `${article(name)} ${name}` : 'an object';
  } catch {
    return 'an object'; // a proxy whose traps throw
  }
}

function article(word: string): string {
  return /^[AEIOU]/i.test(word) ? 'an' : 'a';
}
