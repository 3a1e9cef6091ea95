/** Spelling arbitrary text in generated code: literals that evaluate back exactly, comments that stay comments. */
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commentText, isPlainIdentifier, jsString } from '../../codegen/emit/js-literal.ts';
import { kebabCase } from '../../codegen/emit/kebab-case.ts';

const anyText = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
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

describe(commentText.name, () => {
  it('leaves no line terminator or control character in a line comment', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        // eslint-disable-next-line no-control-regex -- matching control characters is what this pattern is for
        expect(commentText(text)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
      }),
    );
  });
});

describe(isPlainIdentifier.name, () => {
  it('accepts identifiers and rejects reserved words and other text', () => {
    expect(['Rule', '_x', '$y', 'a1'].map(isPlainIdentifier)).toEqual([true, true, true, true]);
    expect(['default', 'class', '1a', 'a-b', 'Régle', ''].map(isPlainIdentifier)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe(kebabCase.name, () => {
  it('turns class names into portable file names', () => {
    expect(
      ['CoreTaskPolicy', 'HTTPRetryPolicy', 'Policy2Go', 'my_Policy$', 'Ünïcode', '$'].map(
        kebabCase,
      ),
    ).toEqual([
      'core-task-policy',
      'http-retry-policy',
      'policy2-go',
      'my-policy',
      'n-code',
      'policy',
    ]);
  });
});
