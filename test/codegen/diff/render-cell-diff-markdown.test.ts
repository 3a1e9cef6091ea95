import { describe, expect, it } from 'vitest';
import type { CellChange } from '../../../codegen/diff/diff-policy-cells.ts';
import { renderCellDiffMarkdown } from '../../../codegen/diff/render-cell-diff-markdown.ts';

const change: CellChange = {
  from: 'RUNNING',
  to: 'COMPLETED',
  before: ['CacheInsertion', 'Release'],
  after: ['Release'],
};

describe(renderCellDiffMarkdown.name, () => {
  it('renders a pull-request comment with a summary and a table per changed policy', () => {
    expect(
      renderCellDiffMarkdown({
        added: ['NewPolicy'],
        removed: [],
        changed: [
          {
            policy: 'CoreTaskPolicy',
            addedStates: ['A|B'],
            removedStates: [],
            changes: [
              change,
              { from: null, to: 'A|B', before: null, after: [] },
              { from: 'null', to: null, before: [], after: ['X'] },
            ],
          },
        ],
      }),
    ).toBe(
      [
        '### Policy matrix changes',
        '',
        '1 policy added, 0 removed, 1 changed.',
        '',
        '- Added: `NewPolicy`',
        '',
        '#### `CoreTaskPolicy`: 3 cells differ',
        '',
        'States added: `A|B`.',
        '',
        '| from | to | before | after |',
        '| --- | --- | --- | --- |',
        '| `RUNNING` | `COMPLETED` | `CacheInsertion`, `Release` | `Release` |',
        '| *null* | `A\\|B` | *absent* | *none* |',
        '| `null` | *null* | *none* | `X` |',
        '',
      ].join('\n'),
    );
  });

  it('collapses long tables and caps them', () => {
    const changes = Array.from({ length: 5 }, () => change);
    const markdown = renderCellDiffMarkdown(
      {
        added: [],
        removed: ['Gone'],
        changed: [{ policy: 'P', addedStates: [], removedStates: [], changes }],
      },
      { collapseAbove: 3, limit: 4, title: 'Matrix diff' },
    );
    expect(markdown).toBe(
      [
        '### Matrix diff',
        '',
        '0 policies added, 1 removed, 1 changed.',
        '',
        '- Removed: `Gone`',
        '',
        '#### `P`: 5 cells differ',
        '',
        '<details>',
        '<summary>5 changed cells</summary>',
        '',
        '| from | to | before | after |',
        '| --- | --- | --- | --- |',
        ...Array(4).fill('| `RUNNING` | `COMPLETED` | `CacheInsertion`, `Release` | `Release` |'),
        '',
        '… and 1 more cell.',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing changed', () => {
    expect(renderCellDiffMarkdown({ added: [], removed: [], changed: [] })).toBe(
      '### Policy matrix changes\n\nNo policy matrix changes.\n',
    );
  });
});
