/** Names in generated code: bindings named after rules, files named after policies. */
import { describe, expect, it } from 'vitest';
import { kebabCase } from '../../codegen/emit/kebab-case.ts';
import { isPlainIdentifier } from '../../codegen/emit/plain-identifier.ts';

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
