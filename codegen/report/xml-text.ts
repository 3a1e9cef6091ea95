/**
 * Escaping for XML (SVG) text and attribute values.
 */
import { printableName } from './printable-name.ts';

const XML_SPECIAL = /[&<>"']/g;
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * `text` safe as XML character data or as a quoted attribute value: characters XML
 * forbids (controls, lone surrogates, U+FFFE/U+FFFF) become visible escapes first
 * (`printableName`), then the five special characters become entities. Pure.
 */
export function xmlText(text: string): string {
  return printableName(text).replace(XML_SPECIAL, (char) => ENTITIES[char] ?? char);
}
