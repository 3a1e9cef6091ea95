/**
 * Test support: a strict XML 1.0 well-formedness check without a DTD (what the
 * heatmap's SVG must satisfy). It checks characters, names, one root element, proper
 * nesting, quoted and unique attributes, `<` and `&` only as markup or valid
 * references (the five predefined entities and character references), comments,
 * CDATA sections and processing instructions. Returns the first problem, or `null`.
 */

const NAME_START =
  // eslint-disable-next-line no-misleading-character-class -- XML's Name production lists the joiners (U+200C, U+200D) and combining marks as single code points; the class matches one at a time, as the production does
  /[A-Za-z_:\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd]/;
// eslint-disable-next-line no-misleading-character-class -- as NAME_START
const NAME_CHAR = /[-.0-9\u00b7\u0300-\u036f\u203f-\u2040]/;
const PREDEFINED = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);

/** The first well-formedness problem of `text` as `offset N: what`, or `null`. */
export function xmlWellFormednessError(text: string): string | null {
  try {
    new Parser(text).document();
    return null;
  } catch (error) {
    if (error instanceof XmlError) return error.message;
    throw error;
  }
}

class XmlError extends Error {}

class Parser {
  #at = 0;
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  document(): void {
    this.#checkChars();
    if (this.#text.startsWith('<?xml')) this.#declaration();
    this.#misc();
    if (!this.#text.startsWith('<', this.#at) || this.#peek(1) === '!' || this.#peek(1) === '?') {
      this.#fail('expected the root element');
    }
    this.#element();
    this.#misc();
    if (this.#at < this.#text.length) this.#fail('content after the root element');
  }

  #checkChars(): void {
    for (let i = 0; i < this.#text.length; i += 1) {
      const unit = this.#text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff) {
        const next = this.#text.charCodeAt(i + 1);
        if (!(next >= 0xdc00 && next <= 0xdfff)) this.#fail(`lone surrogate at ${i}`);
        i += 1;
        continue;
      }
      if (!isXmlChar(unit))
        this.#fail(`character U+${unit.toString(16).padStart(4, '0')} is not allowed at ${i}`);
    }
  }

  #declaration(): void {
    const end = this.#text.indexOf('?>');
    const declaration = this.#text.slice(0, end + 2);
    if (
      end < 0 ||
      !/^<\?xml version="1\.[0-9]+"( encoding="[A-Za-z][A-Za-z0-9._-]*")?( standalone="(yes|no)")? ?\?>$/.test(
        declaration,
      )
    ) {
      this.#fail('malformed XML declaration');
    }
    this.#at = end + 2;
  }

  #misc(): void {
    for (;;) {
      this.#space();
      if (this.#text.startsWith('<!--', this.#at)) this.#comment();
      else if (this.#text.startsWith('<?', this.#at)) this.#instruction();
      else return;
    }
  }

  #element(): void {
    this.#expect('<');
    const name = this.#name();
    const seen = new Set<string>();
    for (;;) {
      const spaced = this.#space();
      if (this.#text.startsWith('/>', this.#at)) {
        this.#at += 2;
        return;
      }
      if (this.#text.startsWith('>', this.#at)) {
        this.#at += 1;
        break;
      }
      if (!spaced) this.#fail(`expected whitespace, > or /> in <${name}>`);
      const attribute = this.#name();
      if (seen.has(attribute)) this.#fail(`duplicate attribute ${attribute} on <${name}>`);
      seen.add(attribute);
      this.#space();
      this.#expect('=');
      this.#space();
      this.#attributeValue();
    }
    this.#content(name);
  }

  #content(name: string): void {
    for (;;) {
      if (this.#at >= this.#text.length) this.#fail(`<${name}> is not closed`);
      const char = this.#text[this.#at];
      if (char === '<') {
        if (this.#text.startsWith('</', this.#at)) {
          this.#at += 2;
          const closing = this.#name();
          if (closing !== name) this.#fail(`</${closing}> closes <${name}>`);
          this.#space();
          this.#expect('>');
          return;
        }
        if (this.#text.startsWith('<!--', this.#at)) this.#comment();
        else if (this.#text.startsWith('<![CDATA[', this.#at)) this.#cdata();
        else if (this.#text.startsWith('<?', this.#at)) this.#instruction();
        else this.#element();
      } else if (char === '&') {
        this.#reference();
      } else {
        if (this.#text.startsWith(']]>', this.#at)) this.#fail(']]> in character data');
        this.#at += 1;
      }
    }
  }

  #attributeValue(): void {
    const quote = this.#text[this.#at];
    if (quote !== '"' && quote !== "'") this.#fail('attribute value is not quoted');
    this.#at += 1;
    for (;;) {
      const char = this.#text[this.#at];
      if (char === undefined) this.#fail('unterminated attribute value');
      if (char === quote) {
        this.#at += 1;
        return;
      }
      if (char === '<') this.#fail('< in attribute value');
      if (char === '&') this.#reference();
      else this.#at += 1;
    }
  }

  #reference(): void {
    const match = /^&(?:([A-Za-z_][A-Za-z0-9._-]*)|#([0-9]+)|#x([0-9a-fA-F]+));/.exec(
      this.#text.slice(this.#at, this.#at + 40),
    );
    if (match === null) this.#fail('& that does not start a reference');
    if (match[1] !== undefined && !PREDEFINED.has(match[1]))
      this.#fail(`undeclared entity &${match[1]};`);
    const code =
      match[2] !== undefined
        ? Number.parseInt(match[2], 10)
        : match[3] !== undefined
          ? Number.parseInt(match[3], 16)
          : 0x20;
    if (!isXmlChar(code)) this.#fail(`character reference to a disallowed character`);
    this.#at += match[0].length;
  }

  #comment(): void {
    const end = this.#text.indexOf('-->', this.#at + 4);
    if (end < 0) this.#fail('unterminated comment');
    if (this.#text.slice(this.#at + 4, end).includes('--') || this.#text[end - 1] === '-')
      this.#fail('-- inside a comment');
    this.#at = end + 3;
  }

  #cdata(): void {
    const end = this.#text.indexOf(']]>', this.#at);
    if (end < 0) this.#fail('unterminated CDATA section');
    this.#at = end + 3;
  }

  #instruction(): void {
    this.#at += 2;
    const target = this.#name();
    if (target.toLowerCase() === 'xml') this.#fail('XML declaration not at the start');
    const end = this.#text.indexOf('?>', this.#at);
    if (end < 0) this.#fail('unterminated processing instruction');
    this.#at = end + 2;
  }

  #name(): string {
    const start = this.#at;
    if (!NAME_START.test(this.#text[this.#at] ?? '')) this.#fail('expected a name');
    this.#at += 1;
    while (
      NAME_START.test(this.#text[this.#at] ?? '') ||
      NAME_CHAR.test(this.#text[this.#at] ?? '')
    )
      this.#at += 1;
    return this.#text.slice(start, this.#at);
  }

  #space(): boolean {
    const start = this.#at;
    while (/[ \t\r\n]/.test(this.#text[this.#at] ?? '')) this.#at += 1;
    return this.#at > start;
  }

  #expect(token: string): void {
    if (!this.#text.startsWith(token, this.#at)) this.#fail(`expected ${token}`);
    this.#at += token.length;
  }

  #peek(offset: number): string | undefined {
    return this.#text[this.#at + offset];
  }

  #fail(what: string): never {
    throw new XmlError(`offset ${this.#at}: ${what}`);
  }
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
