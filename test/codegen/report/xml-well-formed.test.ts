import { describe, expect, it } from 'vitest';
import { xmlWellFormednessError } from './xml-well-formed.ts';

describe(xmlWellFormednessError.name, () => {
  it('accepts a document with a declaration, attributes, references, comments and nesting', () => {
    expect(
      xmlWellFormednessError(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!-- c -->\n<svg a="1" b=\'&lt;&#38;&#x263A;\'><g><title>x &amp; y</title></g><rect/><![CDATA[<&]]></svg>\n',
      ),
    ).toBeNull();
  });

  it.each([
    ['a mismatched closing tag', '<a><b></a></b>', '</a> closes <b>'],
    ['an unclosed element', '<a><b></b>', '<a> is not closed'],
    ['a bare ampersand', '<a>x & y</a>', '& that does not start a reference'],
    ['an undeclared entity', '<a>&nbsp;</a>', 'undeclared entity &nbsp;'],
    ['< in an attribute value', '<a b="<"/>', '< in attribute value'],
    ['an unquoted attribute', '<a b=1/>', 'attribute value is not quoted'],
    ['a duplicate attribute', '<a b="1" b="2"/>', 'duplicate attribute b on <a>'],
    ['attributes without whitespace between them', '<a b="1"c="2"/>', 'expected whitespace'],
    ['a control character', '<a>\u0007</a>', 'character U+0007 is not allowed'],
    ['a reference to a control character', '<a>&#7;</a>', 'disallowed character'],
    ['a lone surrogate', '<a>\ud800</a>', 'lone surrogate'],
    ['two root elements', '<a/><b/>', 'content after the root element'],
    ['-- inside a comment', '<a><!-- a -- b --></a>', '-- inside a comment'],
    [']]> in character data', '<a>]]></a>', ']]> in character data'],
    [
      'a declaration not at the start',
      ' <?xml version="1.0"?><a/>',
      'XML declaration not at the start',
    ],
  ])('rejects %s', (_, text, problem) => {
    expect(xmlWellFormednessError(text)).toContain(problem);
  });
});
