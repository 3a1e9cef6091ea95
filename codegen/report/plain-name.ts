/**
 * State and rule names in plain-text output (diff lines, lint messages), where a name
 * sits between `→`, `[`, `,` and `:`. Ordinary names are written as they are; a name
 * that could be misread, or that holds a line break or a bidirectional control that
 * would garble the terminal line, is written as a JSON string literal.
 */
import { stringLiteral } from '../problem/string-literal.ts';

// Characters that delimit plain-text output, quotes and backslashes (so quoted names
// stay unambiguous), and everything `printableName` would escape.
const NEEDS_QUOTES =
  // eslint-disable-next-line no-control-regex -- matching control characters is what this pattern is for
  /[→[\],:;{}"\\]|^\s|\s$|[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff\ud800-\udfff]|[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * `name` as is, or as a JSON string literal when it is empty, is the word `null` (which
 * plain text reserves for the null state), starts or ends with whitespace, or holds a
 * delimiter, quote, backslash, control character, bidirectional control or surrogate.
 * Pure.
 */
export function plainName(name: string): string {
  return name === '' || name === 'null' || NEEDS_QUOTES.test(name) ? stringLiteral(name) : name;
}

/** A state in plain text: `null` for the null state, else `plainName`. Pure. */
export function plainState(state: string | null): string {
  return state === null ? 'null' : plainName(state);
}
