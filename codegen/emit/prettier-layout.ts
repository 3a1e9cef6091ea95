/**
 * Laying out the bulky, regular parts of generated modules exactly as prettier prints
 * them with the pinned options, so that the emitter can splice them in after formatting
 * the rest (prettier costs about a tenth of a millisecond per line). Generated modules
 * are tested to be fixed points of prettier, which holds these layouts to it.
 */
import { jsQuotedString } from '../text/escape.ts';
import { GENERATED_FORMAT } from './format-typescript.ts';

/**
 * `<head>Object.freeze([a, b]);` on one line when it fits in the print width, else one
 * element per line with trailing commas: how prettier prints a call hugging one array
 * of identifiers or strings.
 */
export function frozenArrayDeclaration(head: string, elements: readonly string[]): string {
  const open = `${head}Object.freeze([`;
  const oneLine = `${open}${elements.join(', ')}]);`;
  if (oneLine.length <= GENERATED_FORMAT.printWidth) return oneLine;
  return `${open}\n${elements.map((element) => `  ${element},\n`).join('')}]);`;
}

/**
 * A string literal as prettier prints it (`singleQuote: true`): single quotes unless the
 * text holds more single than double quotes; only the enclosing quote and backslashes
 * escaped; everything outside printable ASCII as `\uXXXX` (prettier keeps the escapes it
 * is given, and the emitter gives it these, see jsString). Pure.
 */
export function prettierString(value: string): string {
  let singles = 0;
  let doubles = 0;
  for (const char of value) {
    if (char === "'") singles++;
    else if (char === '"') doubles++;
  }
  return jsQuotedString(value, singles > doubles ? '"' : "'");
}

/**
 * `<head> a | b;` (head ending in `=`) on one line when it fits in the print width, else
 * the union on the next line, indented, when it fits there (or is a lone member), else
 * one member per line after a leading `|`: how prettier prints a type alias of a union
 * of string literals. No members is `never`.
 */
export function unionTypeDeclaration(head: string, members: readonly string[]): string {
  if (members.length === 0) return `${head} never;`;
  const union = members.join(' | ');
  if (`${head} ${union};`.length <= GENERATED_FORMAT.printWidth) return `${head} ${union};`;
  const nextLine = `  ${union};`;
  if (members.length === 1 || nextLine.length <= GENERATED_FORMAT.printWidth) {
    return `${head}\n${nextLine}`;
  }
  return `${head}\n${members.map((member) => `  | ${member}`).join('\n')};`;
}

/**
 * `<head>Object.freeze({ … });` with one `key: value` per line (keys from
 * `prettierPropertyKey`): prettier keeps an object literal expanded when its first
 * property starts on a new line (`objectWrap: 'preserve'`). No entries is `{}`.
 */
export function frozenObjectDeclaration(
  head: string,
  entries: readonly (readonly [key: string, value: string])[],
): string {
  if (entries.length === 0) return `${head}Object.freeze({});`;
  return `${head}Object.freeze({\n${entries.map(([key, value]) => `  ${key}: ${value},\n`).join('')}});`;
}

/**
 * An object literal key for the property named `name`, as prettier prints it
 * (`quoteProps: 'as-needed'`): ASCII identifier names (reserved words included) bare,
 * anything else a `prettierString`. `__proto__` is written as a computed key, the only
 * spelling that defines an own property of that name instead of setting the prototype.
 */
export function prettierPropertyKey(name: string): string {
  if (name === '__proto__') return `[${prettierString(name)}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : prettierString(name);
}
