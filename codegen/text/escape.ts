/**
 * Every way the compiler writes text it does not control (state, rule and policy names
 * from user code, messages, commands) into an output context: generated JavaScript,
 * report markdown and SVG, plain-text diff and lint lines, and problem messages. One
 * escaper per context, all built on one core: the characters that must never appear
 * raw anywhere, and the one spelling of an escaped code unit (`\uXXXX`).
 *
 * Every function here is pure. The runtime package has its own SQL identifier quoting
 * (`src/orion/postgres/quote-identifier.ts`): the runtime cannot import the compiler.
 */

// The core. Character-class bodies (regular-expression source, code units, no `u` flag)
// that the contexts below combine.

/** C0 controls (line feed, carriage return and tab among them), DEL and C1 controls. */
const CONTROLS = '\\u0000-\\u001f\\u007f-\\u009f';
/** The Unicode line and paragraph separators, line terminators in JavaScript. */
const SEPARATORS = '\\u2028\\u2029';
/** U+FFFE and U+FFFF, the two non-characters XML forbids. */
const NONCHARACTERS = '\\ufffe\\uffff';
/** Bidirectional formatting characters (marks, embeddings, overrides, isolates), which reorder the rest of a line. */
const BIDI_CONTROLS = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const LONE_SURROGATE =
  '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';

/** What never appears raw in any output: controls and line separators. */
const NEVER_RAW = new RegExp(`[${CONTROLS}${SEPARATORS}]`, 'g');
/** What a display context (report text, markup, XML) shows escaped. */
const UNPRINTABLE = new RegExp(`[${CONTROLS}${SEPARATORS}${NONCHARACTERS}]|${LONE_SURROGATE}`, 'g');
/** What a terminal line shows escaped on top of JSON's own escapes. */
const TERMINAL_UNSAFE = new RegExp(`[${CONTROLS}${SEPARATORS}${BIDI_CONTROLS}]`, 'g');
/** Line breaks: the line terminators of JavaScript, which editors and terminals break on. */
const LINE_BREAK = new RegExp(`[\\n\\r${SEPARATORS}]`, 'g');

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * The code unit `unit` as `\uXXXX`: lower-case hex digits in JavaScript source (how
 * generated files have always spelled them), upper-case in text people read (how
 * Unicode writes code points).
 */
function unitEscape(unit: string, hex: 'lower' | 'upper'): string {
  const digits = unit.charCodeAt(0).toString(16).padStart(4, '0');
  return `\\u${hex === 'upper' ? digits.toUpperCase() : digits}`;
}

/** `unit` as `\n`, `\r` or `\t` where it is one of those, else as upper-case `\uXXXX`. */
function visibleEscape(unit: string): string {
  return SHORT_ESCAPES[unit] ?? unitEscape(unit, 'upper');
}

// Generated JavaScript.

/**
 * Context: a JavaScript string literal in generated source, quoted with `quote`.
 * Escapes: `quote` and backslash with a backslash, every code unit outside printable
 * ASCII (`' '..'~'`) as lower-case `\uXXXX`; the literal is pure printable ASCII and
 * evaluates to exactly `value`. Pure.
 */
export function jsQuotedString(value: string, quote: "'" | '"'): string {
  let out = quote;
  for (let i = 0; i < value.length; i++) {
    const char = value[i] as string;
    const code = value.charCodeAt(i);
    if (char === quote || char === '\\') out += `\\${char}`;
    else if (code >= 0x20 && code <= 0x7e) out += char;
    else out += unitEscape(char, 'lower');
  }
  return out + quote;
}

/** Context: a single-quoted JavaScript string literal; `jsQuotedString(value, "'")`. Pure. */
export function jsString(value: string): string {
  return jsQuotedString(value, "'");
}

/**
 * Context: the text of a `//` comment in generated source. Escapes: controls and line
 * separators (the core) as lower-case `\uXXXX`, so the comment stays one comment. Pure.
 */
export function commentText(value: string): string {
  return value.replace(NEVER_RAW, (unit) => unitEscape(unit, 'lower'));
}

// Reports (markdown, SVG) and other text people read.

/**
 * Context: a state name shown in a report, where a raw line break would break a table
 * row and a control or lone surrogate would make an SVG ill-formed. Escapes: controls,
 * line separators, U+FFFE/U+FFFF and lone surrogates, as `\n`, `\t`, `\r` or upper-case
 * `\uXXXX`; printable names come back unchanged. For display only: not reversible (a
 * name may itself hold a backslash). Pure.
 */
export function printableName(name: string): string {
  return name.replace(UNPRINTABLE, visibleEscape);
}

// ASCII punctuation that can start markup on GitHub: emphasis, code, links, HTML,
// tables, strikethrough, entities, headings' closing `#`s, images, math (`$`), emoji
// shortcodes (`:`) and mentions (`@`). CommonMark allows escaping any ASCII punctuation.
const MARKDOWN_MARKUP = /[\\`*_[\]<>|~&#!$:@]/g;

/**
 * Context: literal inline text in GitHub-flavoured markdown, in or out of a table row.
 * Escapes: every markup character with a backslash (the escaped `\|` also keeps GFM's
 * row splitter away). Pure.
 */
export function markdownText(text: string): string {
  return text.replace(MARKDOWN_MARKUP, (char) => `\\${char}`);
}

/**
 * Context: an inline code span in GitHub-flavoured markdown that renders exactly
 * `text`. The fence is one backtick longer than the longest backtick run inside; the
 * content is padded with a space on each side where CommonMark would otherwise strip or
 * merge its edges. `inTable` must be true inside a table row: GFM splits rows on `|`
 * before it parses code spans, so pipes are escaped there as `\|` (which GFM turns back
 * into `|`, even in code spans) and nowhere else (outside tables `\|` in a code span
 * stays literal). Pure.
 */
export function markdownCode(text: string, inTable: boolean): string {
  const longestRun = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const allSpaces = /^ *$/.test(text);
  const pad =
    text === '' ||
    text.startsWith('`') ||
    text.endsWith('`') ||
    (!allSpaces && text.startsWith(' ') && text.endsWith(' '));
  const body = pad ? ` ${text} ` : text;
  return fence + (inTable ? body.replaceAll('|', '\\|') : body) + fence;
}

const XML_SPECIAL = /[&<>"']/g;
const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Context: XML (SVG) character data or a quoted attribute value. Escapes: what XML
 * forbids (controls, lone surrogates, U+FFFE/U+FFFF) as visible escapes first
 * (`printableName`), then the five special characters as entities. Pure.
 */
export function xmlText(text: string): string {
  return printableName(text).replace(XML_SPECIAL, (char) => XML_ENTITIES[char] ?? char);
}

/**
 * Context: the inside of an HTML or XML comment (report banners). Escapes: as
 * `printableName`, and every `-` followed by another `-` gets a space after it, so the
 * text holds no `--`, which would end or invalidate the comment. Pure.
 */
export function markupCommentText(text: string): string {
  return printableName(text).replace(/-(?=-)/g, '- ');
}

// Terminal lines: problem messages, explain, diff and lint output.

/**
 * Context: a name from user code inside a message printed on a terminal line. Always a
 * JSON string literal (JSON escapes quotes, backslashes, C0 controls and lone
 * surrogates); DEL, C1 controls, line separators and bidirectional controls are escaped
 * too, as upper-case `\uXXXX`, so the literal prints on one line, in logical order. Pure.
 */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(TERMINAL_UNSAFE, (unit) => unitEscape(unit, 'upper'));
}

/** Context: a state in a message: `null` for the null state, else `stringLiteral`. Pure. */
export function stateLiteral(state: string | null): string {
  return state === null ? 'null' : stringLiteral(state);
}

// Delimiters of plain-text output, quotes and backslashes (so quoted names stay
// unambiguous), whitespace at either end, controls, line separators, non-characters,
// any surrogate and bidirectional controls.
const NEEDS_QUOTES = new RegExp(
  `[→[\\],:;{}"\\\\]|^\\s|\\s$|[${CONTROLS}${SEPARATORS}${NONCHARACTERS}\\ud800-\\udfff]|[${BIDI_CONTROLS}]`,
);

/**
 * Context: a state or rule name in plain-text output (diff lines, lint messages), where
 * it sits between `→`, `[`, `,` and `:`. Ordinary names are written as they are; a name
 * that is empty, is the word `null` (reserved for the null state), starts or ends with
 * whitespace, or holds a delimiter, quote, backslash, control, line separator,
 * surrogate or bidirectional control is written as `stringLiteral`. Pure.
 */
export function plainName(name: string): string {
  return name === '' || name === 'null' || NEEDS_QUOTES.test(name) ? stringLiteral(name) : name;
}

/** Context: a state in plain text: `null` for the null state, else `plainName`. Pure. */
export function plainState(state: string | null): string {
  return state === null ? 'null' : plainName(state);
}

/**
 * Context: free text (a problem message) that must print as one line. Escapes: line
 * feed and carriage return as `\n` and `\r`, the line and paragraph separators as
 * `\u2028` and `\u2029`; everything else is left as it is. Pure.
 */
export function oneLineText(text: string): string {
  return text.replace(LINE_BREAK, visibleEscape);
}
