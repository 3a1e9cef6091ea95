/**
 * The compiler's escapers, one per output context: generated JavaScript evaluates back
 * exactly, comments stay comments, report text stays printable and well-formed, and
 * terminal lines stay one line in logical order.
 */
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commentText,
  jsQuotedString,
  jsString,
  markdownCode,
  markdownText,
  markupCommentText,
  oneLineText,
  plainName,
  plainState,
  printableName,
  stateLiteral,
  stringLiteral,
  xmlText,
} from '../../../codegen/text/escape.ts';

const anyText = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});

// What no escaper lets through raw: controls and the line and paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is what this pattern is for
const NEVER_RAW = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

describe('every escaper', () => {
  it('leaves no control character or line separator raw, whatever the text holds', () => {
    const escapers = [
      jsString,
      commentText,
      printableName,
      xmlText,
      markupCommentText,
      stringLiteral,
      plainName,
    ];
    fc.assert(
      fc.property(anyText, (text) => {
        for (const escape of escapers) expect(escape(text)).not.toMatch(NEVER_RAW);
      }),
    );
  });
});

describe(jsString.name, () => {
  it('evaluates back to exactly the original text, whatever it holds', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(runInNewContext(jsString(text))).toBe(text);
      }),
    );
  });

  it('is printable ASCII only', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(jsString(text)).toMatch(/^'[\x20-\x7e]*'$/);
      }),
    );
  });

  it('spells hostile names safely', () => {
    expect(jsString("it's \\ */ ${x}\n\u2028😀")).toBe(
      "'it\\'s \\\\ */ ${x}\\u000a\\u2028\\ud83d\\ude00'",
    );
  });
});

describe(jsQuotedString.name, () => {
  it('escapes only the quote it is given', () => {
    expect(jsQuotedString(`it's "x"`, '"')).toBe(`"it's \\"x\\""`);
    expect(runInNewContext(jsQuotedString(`it's "x"\u0085`, '"'))).toBe(`it's "x"\u0085`);
  });
});

describe(commentText.name, () => {
  it('leaves no line terminator or control character in a line comment', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(commentText(text)).not.toMatch(NEVER_RAW);
      }),
    );
  });

  it('spells escapes with lower-case hex digits, as generated source does', () => {
    expect(commentText('a\nb\u009fc')).toBe('a\\u000ab\\u009fc');
  });
});

describe(printableName.name, () => {
  it('leaves printable names alone, astral characters included', () => {
    expect(printableName('RUNNING 🚀 é')).toBe('RUNNING 🚀 é');
  });

  it('escapes line breaks, controls, separators, non-characters and lone surrogates', () => {
    expect(printableName('a\nb\tc\rd\u0007e\u2028f\uffffg\ud800h\udc00')).toBe(
      'a\\nb\\tc\\rd\\u0007e\\u2028f\\uFFFFg\\uD800h\\uDC00',
    );
  });
});

describe(markdownCode.name, () => {
  it('fences with one backtick more than the longest run inside', () => {
    expect(markdownCode('a`b``c', false)).toBe('```a`b``c```');
  });

  it('pads content that starts or ends with a backtick or is wrapped in spaces', () => {
    expect(markdownCode('`x`', false)).toBe('`` `x` ``');
    expect(markdownCode(' x ', false)).toBe('`  x  `');
    expect(markdownCode(' x', false)).toBe('` x`');
    expect(markdownCode('   ', false)).toBe('`   `');
  });

  it('escapes pipes inside tables only', () => {
    expect(markdownCode('a|b', true)).toBe('`a\\|b`');
    expect(markdownCode('a|b', false)).toBe('`a|b`');
  });
});

describe(markdownText.name, () => {
  it('backslash-escapes markup, mentions, math and emoji shortcodes', () => {
    expect(markdownText('My_Policy$ *x* [a](b) <i> @team :smile: a|b #1 ~s~ &amp; !x \\')).toBe(
      'My\\_Policy\\$ \\*x\\* \\[a\\](b) \\<i\\> \\@team \\:smile\\: a\\|b \\#1 \\~s\\~ \\&amp; \\!x \\\\',
    );
  });
});

describe(xmlText.name, () => {
  it('escapes the five XML specials and makes forbidden characters visible', () => {
    expect(xmlText(`<a href="x">'&'</a>\u0001`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;\\u0001',
    );
  });
});

describe(markupCommentText.name, () => {
  it('keeps names printable and free of the -- that would end a comment', () => {
    expect(markupCommentText('a--b\n---c')).toBe('a- -b\\n- - -c');
    expect(markupCommentText('-'.repeat(7))).not.toContain('--');
  });
});

describe(stringLiteral.name, () => {
  it('is a JSON string literal that reads back to exactly the original text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(JSON.parse(stringLiteral(text))).toBe(text);
      }),
    );
  });

  it('escapes C1 controls, line separators and bidirectional controls too', () => {
    expect(stringLiteral('a\u0085b\u2028c\u202ed\u2066e\n')).toBe(
      '"a\\u0085b\\u2028c\\u202Ed\\u2066e\\n"',
    );
  });

  it('writes the null state as null', () => {
    expect(stateLiteral(null)).toBe('null');
    expect(stateLiteral('null')).toBe('"null"');
  });
});

describe(plainName.name, () => {
  it('writes ordinary names as they are', () => {
    expect(plainName('CacheRetrieval')).toBe('CacheRetrieval');
    expect(plainName('IN PROGRESS')).toBe('IN PROGRESS');
  });

  it('quotes names that could be misread in a diff line', () => {
    expect(
      ['null', '', 'A → B', 'a,b', '[x]', 'k:v', ' pad', 'tab\t', 'q"', 'x\ny'].map(plainName),
    ).toEqual([
      '"null"',
      '""',
      '"A → B"',
      '"a,b"',
      '"[x]"',
      '"k:v"',
      '" pad"',
      '"tab\\t"',
      '"q\\""',
      '"x\\ny"',
    ]);
  });

  it('quotes names holding a bidirectional control or a surrogate', () => {
    expect(plainName('a\u202eb')).toBe('"a\\u202Eb"');
    expect(plainName('🚀')).toBe('"🚀"');
  });

  it('writes the null state as null', () => {
    expect(plainState(null)).toBe('null');
    expect(plainState('null')).toBe('"null"');
  });
});

describe(oneLineText.name, () => {
  it('escapes line breaks and leaves everything else as it is', () => {
    expect(oneLineText('a\nb\r\nc\u2028d\u2029e\tf "g"')).toBe(
      'a\\nb\\r\\nc\\u2028d\\u2029e\tf "g"',
    );
  });
});
