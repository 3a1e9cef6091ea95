/**
 * The emitter's own layouts of the state union and the codes object must be exactly
 * what prettier prints with the pinned options, in every branch (they are spliced in
 * after formatting, so a difference would make generated modules change when
 * reformatted).
 */
import { describe, expect, it } from 'vitest';
import { formatTypeScript } from '../../codegen/emit/format-typescript.ts';
import {
  frozenObjectDeclaration,
  prettierPropertyKey,
  prettierString,
  unionTypeDeclaration,
} from '../../codegen/emit/prettier-layout.ts';

const HEAD = 'export type SomePolicyState =';

describe(unionTypeDeclaration.name, () => {
  const cases: [string, string[], number][] = [
    ['no members', [], 1],
    ['a union that fits on one line', ['a', 'in "review"', "it's"], 1],
    ['a union that fits on the next line', ['draft', 'published', 'archived', 'x'.repeat(50)], 2],
    ['a lone member too long for any line', ['y'.repeat(120)], 2],
    // `${HEAD} '…';` exactly at the print width (100), and one past it.
    ['a line of exactly the print width', ['w'.repeat(100 - HEAD.length - 4)], 1],
    ['a line one past the print width', ['w'.repeat(101 - HEAD.length - 4)], 2],
    ['a union too long for the next line', ['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(40)], 4],
  ];
  for (const [label, members, lines] of cases) {
    it(`prints ${label} as prettier does, on ${lines} line(s)`, async () => {
      const text = `${unionTypeDeclaration(HEAD, members.map(prettierString))}\n`;
      expect(text.split('\n').length - 1).toBe(lines);
      expect(await formatTypeScript(text)).toBe(text);
    });
  }

  it('writes `never` for a policy without state types', () => {
    expect(unionTypeDeclaration(HEAD, [])).toBe(`${HEAD} never;`);
  });
});

describe(frozenObjectDeclaration.name, () => {
  it('prints keys that are property names of every object, or need quotes, as prettier does', async () => {
    const names = ['draft', 'null', 'default', '__proto__', 'constructor', '1', '01', 'a-b', "it's", 'naïve', '$_x'];
    const entries = names.map((name, index) => [prettierPropertyKey(name), String(index)] as const);
    const text = `${frozenObjectDeclaration('export const Codes = ', entries)}\n`;
    expect(await formatTypeScript(text)).toBe(text);
  });

  it('prints an empty object on one line', async () => {
    const text = `${frozenObjectDeclaration('export const Codes = ', [])}\n`;
    expect(text).toBe('export const Codes = Object.freeze({});\n');
    expect(await formatTypeScript(text)).toBe(text);
  });
});

describe(prettierPropertyKey.name, () => {
  it('writes __proto__ as a computed key, which defines an own property', () => {
    expect(prettierPropertyKey('__proto__')).toBe("['__proto__']");
    const codes = Object.freeze({ ['__proto__']: 0 });
    expect(Object.getPrototypeOf(codes)).toBe(Object.prototype);
    expect(Object.keys(codes)).toEqual(['__proto__']);
  });

  it('leaves ASCII identifier names bare and quotes everything else', () => {
    expect(['draft', 'null', '$_x', '1', 'a-b', 'naïve'].map(prettierPropertyKey)).toEqual([
      'draft',
      'null',
      '$_x',
      "'1'",
      "'a-b'",
      "'na\\u00efve'",
    ]);
  });
});
