/**
 * Spelling arbitrary text safely in generated source: string literals and comment text
 * that stay valid and unambiguous whatever the text holds (quotes, backslashes,
 * newlines, `*\/`, `${`, line and paragraph separators, lone surrogates).
 */

/**
 * A single-quoted string literal of pure printable ASCII: quotes and backslashes are
 * escaped, every other character outside `' '..'~'` becomes `\uXXXX`. Evaluates to
 * exactly `value`.
 */
export function jsString(value: string): string {
  let out = "'";
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const char = value[i] as string;
    if (char === "'" || char === '\\') out += `\\${char}`;
    else if (code >= 0x20 && code <= 0x7e) out += char;
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${out}'`;
}

/** Text for a `//` comment: line terminators and control characters become `\uXXXX`. */
export function commentText(value: string): string {
  return value.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is what this pattern is for
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await arguments eval undefined NaN Infinity'
  ).split(' '),
);

/** True when `name` can be written as a plain identifier binding in an ES module. */
export function isPlainIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !RESERVED.has(name);
}
