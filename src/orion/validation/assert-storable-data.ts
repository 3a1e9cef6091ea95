/**
 * `assertStorableData`: state data every store keeps as it was given. Stores keep data
 * as JSON (PostgreSQL `jsonb`; the in-memory store refuses the same), so data must be a
 * JSON value: null, booleans, finite numbers, strings (no NUL, no lone surrogate),
 * arrays without holes and plain objects, nested at most `MAX_DATA_DEPTH` deep, with no
 * cycles. Refused, with the path of the first offending value: BigInts, functions,
 * symbols (as values or keys), NaN and ±Infinity, `undefined` in an array, Dates, Maps,
 * Sets and other class instances (JSON would turn them into something else).
 * `undefined` as a whole means "no data"; an object property holding `undefined` is
 * dropped by JSON, and reads of it give `undefined` on every store, so it is accepted.
 */
import { describeInput } from './describe-input.ts';
import { assertStorableText, isStorableText } from './check-text.ts';
import { InvalidInputError } from './invalid-input-error.ts';
import { MAX_DATA_DEPTH } from './storage-limits.ts';

/** The longest path a message shows whole. */
const SHOWN_PATH_LENGTH = 120;

const JSON_VALUES =
  'state data must be JSON (null, booleans, finite numbers, strings, arrays and plain objects)';

/** Throws `InvalidInputError` naming the path (`state.data.rows[3]`) of the first value no store can keep. */
export function assertStorableData(data: unknown, path: string): void {
  if (data === undefined) return;
  new DataWalk(path).visit(data);
}

/** One walk over a data value; the path is kept as segments and only formatted for an error. */
class DataWalk {
  readonly #root: string;
  readonly #segments: (string | number)[] = [];
  /**
   * The objects and arrays on the way down from the root: meeting one again is a cycle.
   * An array, not a Set: data is rarely more than a few levels deep.
   */
  readonly #ancestors: object[] = [];

  constructor(root: string) {
    this.#root = root;
  }

  visit(value: unknown): void {
    switch (typeof value) {
      case 'string':
        if (!isStorableText(value)) assertStorableText(value, this.#path(Infinity));
        return;
      case 'number':
        if (!Number.isFinite(value)) {
          this.#refuse(value, `JSON has no ${value}, a store would keep null instead`);
        }
        return;
      case 'boolean':
        return;
      case 'object':
        if (value === null) return;
        this.#visitObject(value);
        return;
      case 'undefined':
        this.#refuse(value, 'JSON keeps undefined in an array as null: use null');
        return;
      case 'bigint':
        this.#refuse(value, 'convert it to a number or a string first');
        return;
      default: // function, symbol
        this.#refuse(value, 'remove it');
    }
  }

  #visitObject(value: object): void {
    if (this.#ancestors.includes(value)) {
      this.#refuse(value, 'it contains itself (a cycle), which JSON cannot hold');
    }
    if (this.#ancestors.length >= MAX_DATA_DEPTH) {
      this.#refuse(value, `it is nested more than ${MAX_DATA_DEPTH} levels deep`);
    }
    this.#ancestors.push(value);
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        this.#segments.push(index);
        if (!(index in value))
          this.#refuse(undefined, 'a hole in an array is kept as null: use null');
        this.visit(value[index]);
        this.#segments.pop();
      }
    } else {
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) {
        const hint =
          value instanceof Date
            ? 'store date.toISOString() instead'
            : 'convert it to a plain object or array first';
        this.#refuse(value, `JSON would not keep it as it is: ${hint}`);
      }
      const symbols = Object.getOwnPropertySymbols(value);
      if (symbols.length > 0) {
        this.#refuse(symbols[0], 'it is a key of this object, which JSON would drop');
      }
      for (const key of Object.keys(value)) {
        this.#segments.push(key);
        if (!isStorableText(key)) assertStorableText(key, `${this.#path(Infinity)} (a key)`);
        const member = (value as Record<string, unknown>)[key];
        if (member !== undefined) this.visit(member);
        this.#segments.pop();
      }
    }
    this.#ancestors.pop();
  }

  #refuse(value: unknown, reason: string): never {
    // A path 1,000 levels deep is kept whole in `path`, and shortened in the message.
    const path = this.#path(Infinity);
    throw new InvalidInputError(
      'unstorable-data',
      path,
      `${this.#path(SHOWN_PATH_LENGTH)} is ${describeInput(value)}, which no store can keep: ${JSON_VALUES}; ${reason}.`,
    );
  }

  /** The path of the value being visited; cut after `maxLength` characters, at a segment, with "…". */
  #path(maxLength: number): string {
    let path = this.#root;
    for (const segment of this.#segments) {
      const next =
        typeof segment === 'number'
          ? `[${segment}]`
          : /^[A-Za-z_$][\w$]*$/.test(segment)
            ? `.${segment}`
            : `[${JSON.stringify(segment)}]`;
      if (path.length + next.length > maxLength) return `${path}…`;
      path += next;
    }
    return path;
  }
}
