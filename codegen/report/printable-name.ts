/**
 * Display form of a state name for reports. A policy's state set may hold any
 * non-empty strings, so a name may contain line breaks, control characters or lone
 * surrogates that would break a markdown table row or make an SVG ill-formed XML.
 */

// C0 controls, DEL, C1 controls, the Unicode line/paragraph separators, the two XML
// non-characters, and lone surrogates (a high not followed by a low, a low not preceded
// by a high).
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is what this pattern is for
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `name` with every unprintable code unit replaced by a visible escape (`\n`, `\t`,
 * `\r`, or `\uXXXX`). Printable names come back unchanged. For display only: the
 * escape is not reversible (a name may itself contain a backslash). Pure.
 */
export function printableName(name: string): string {
  return name.replace(
    UNPRINTABLE,
    (unit) =>
      SHORT_ESCAPES[unit] ?? `\\u${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
