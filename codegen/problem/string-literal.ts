/**
 * Names from the user's code (state names above all) inside messages: always a JSON
 * string literal, with the characters that JSON leaves as they are but that break or
 * garble a terminal line escaped too, so one problem stays one line and reads in order.
 */

// Besides what JSON.stringify escapes: DEL and C1 controls, the line and paragraph
// separators, and the bidirectional formatting characters (marks, embeddings,
// overrides, isolates), which reorder the rest of the terminal line.
const UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` as a JSON string literal that prints on one line, in logical order. Pure. */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(
    UNSAFE,
    (unit) => `\\u${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** A state in a message: `null` for the null state, else its string literal. Pure. */
export function stateLiteral(state: string | null): string {
  return state === null ? 'null' : stringLiteral(state);
}
