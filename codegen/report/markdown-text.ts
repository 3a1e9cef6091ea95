/**
 * Escaping for GitHub-flavoured markdown. Names come from user code (state names may
 * be any string), so every name is written through one of these two functions.
 * `markdownCode`'s `inTable` must be true inside a table row: GFM splits rows on `|` before it parses
 * code spans, so pipes are escaped there as `\|` (which GFM turns back into `|`, even
 * inside code spans) and nowhere else (outside tables `\|` in a code span stays literal).
 */

// ASCII punctuation that can start markup on GitHub: emphasis, code, links, HTML,
// tables, strikethrough, entities, headings' closing `#`s, images, math (`$`), emoji
// shortcodes (`:`) and mentions (`@`). CommonMark allows escaping any ASCII punctuation.
const MARKUP = /[\\`*_[\]<>|~&#!$:@]/g;

/**
 * `text` as literal inline markdown text (backslash-escaped markup characters), in or
 * out of tables: the escaped `\\|` also keeps GFM's row splitter away. Pure.
 */
export function markdownText(text: string): string {
  return text.replace(MARKUP, (char) => `\\${char}`);
}

/**
 * `text` as an inline code span that renders exactly `text`: the fence is one
 * backtick longer than the longest backtick run inside, and the content is padded
 * with a space on each side when CommonMark would otherwise strip or merge its edges.
 * Pure.
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
