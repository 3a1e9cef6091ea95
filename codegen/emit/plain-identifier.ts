/**
 * Whether a name can be written in generated source as it is: the emitter names a
 * binding after a rule only when its name is a plain identifier, and falls back to a
 * generated name otherwise.
 */

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await arguments eval undefined NaN Infinity'
  ).split(' '),
);

/** True when `name` can be written as a plain identifier binding in an ES module. Pure. */
export function isPlainIdentifier(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && !RESERVED.has(name);
}
