/**
 * How a report file says it was generated: its banner comment starts with
 * `REPORT_MARK`, on the first line of markdown files and on the line after the XML
 * declaration of SVG files. `generate`, `check` and `report` rewrite and remove only
 * report files that carry it; a file without it is never touched.
 */

/** The start of the banner comment of every report file. */
const REPORT_MARK = '<!-- policy-matrix report';

/**
 * The banner comment of a report file: `<!-- policy-matrix report <subject>. Generated
 * from the compiled policy model; do not edit. -->`. `subject` must already be comment
 * text (see `markupCommentText` in `text/escape.ts`). Pure.
 */
export function reportBanner(subject: string): string {
  return `${REPORT_MARK} ${subject}. Generated from the compiled policy model; do not edit. -->`;
}

/** True when `content` carries the report banner where the renderers put it. Pure. */
export function isGeneratedReport(content: string): boolean {
  if (content.startsWith(REPORT_MARK)) return true;
  if (!content.startsWith('<?xml')) return false;
  const secondLine = content.indexOf('\n') + 1;
  return secondLine > 0 && content.startsWith(REPORT_MARK, secondLine);
}
