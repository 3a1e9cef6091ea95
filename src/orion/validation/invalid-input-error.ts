/**
 * `InvalidInputError`: the one error every store and the engine throw for input no
 * store can keep (see `storage-limits.ts`): a run, a state, a limit, a date, a tag or a
 * string that is malformed, out of range or unstorable. It is thrown before any
 * transaction starts, so nothing of the call is written. A `TypeError`, so code that
 * caught the `TypeError`s thrown before keeps working; `code` says which kind of
 * problem it is and `path` which field (`state.data.n`, `taskRun.tags[2]`).
 */

/** What is wrong with the input. */
export type InvalidInputCode =
  /** Not of the expected type: a string where a Date or an array belongs, a non-object state. */
  | 'wrong-type'
  /** A number or date outside the range every store can hold, or not an integer. */
  | 'out-of-range'
  /** A string holding a NUL character or a lone surrogate, which PostgreSQL cannot store. */
  | 'invalid-text'
  /** A key (id, tag, cache key) longer than `MAX_KEY_LENGTH`. */
  | 'too-long'
  /** State data that is not JSON: a BigInt, a function, a symbol, a cycle, a Date, NaN, … */
  | 'unstorable-data';

export class InvalidInputError extends TypeError {
  override name = 'InvalidInputError';
  /** What is wrong (see `InvalidInputCode`). */
  readonly code: InvalidInputCode;
  /** The field, as the caller wrote it: `state.stateDetails.scheduledTime`, `concurrencyLimit`. */
  readonly path: string;

  constructor(code: InvalidInputCode, path: string, message: string) {
    super(message);
    this.code = code;
    this.path = path;
  }
}
