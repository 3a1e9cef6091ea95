/**
 * The summary `generate` prints (pure formatting over its result): each rewritten
 * policy's changed cells under its line, at most `CELLS_SHOWN`, a note when the old
 * cells could not be read back, and one line for the report folder.
 */
import { describe, expect, it } from 'vitest';
import { formatGenerateSummary } from '../../codegen/cli/generate-command.ts';
import { CELLS_SHOWN } from '../../codegen/cli/table.ts';
import type { GeneratedPolicy, WrittenFile } from '../../codegen/index.ts';

const policy = (fields: Partial<GeneratedPolicy>): GeneratedPolicy => ({
  name: 'P',
  file: 'generated/p.ts',
  states: 2,
  rules: 1,
  distinctCells: 2,
  status: 'changed',
  ...fields,
});

describe(formatGenerateSummary.name, () => {
  it('lists at most CELLS_SHOWN changed cells under a policy, and states added', () => {
    const changes = Array.from({ length: CELLS_SHOWN + 2 }, (_, index) => ({
      from: `S${index}`,
      to: null,
      before: [],
      after: ['R'],
    }));
    const lines = formatGenerateSummary(
      [policy({ cellDiff: { policy: 'P', addedStates: ['S0'], removedStates: [], changes } })],
      [{ path: 'generated/p.ts', status: 'changed', policy: 'P' }],
    );
    expect(lines[0]).toBe(
      `P  2 states  1 rule  2 distinct cells  generated/p.ts  changed: ${CELLS_SHOWN + 2} cells differ; states added: S0 (before → after)`,
    );
    expect(lines[1]).toBe('  S0 → null: [] → [R]');
    expect(lines.slice(CELLS_SHOWN, CELLS_SHOWN + 2)).toEqual([
      `  S${CELLS_SHOWN - 1} → null: [] → [R]`,
      '  … and 2 more cells',
    ]);
  });

  it('says why the old cells of a rewritten module were not compared', () => {
    const lines = formatGenerateSummary(
      [
        policy({
          cellNote: 'it cannot be imported (SyntaxError: x), so its cells cannot be compared',
        }),
      ],
      [],
    );
    expect(lines[1]).toBe(
      '  cells not compared: it cannot be imported (SyntaxError: x), so its cells cannot be compared',
    );
  });

  it('sums up the report folder in one line, and counts its files in the total', () => {
    const files: WrittenFile[] = [
      { path: 'generated/p.ts', status: 'unchanged', policy: 'P' },
      { path: 'generated/index.ts', status: 'unchanged' },
      { path: 'generated/report/README.md', status: 'unchanged', report: true },
      { path: 'generated/report/p.md', status: 'changed', report: true },
      { path: 'generated/report/p.svg', status: 'created', report: true },
      { path: 'generated/report/old.svg', status: 'removed', report: true },
    ];
    expect(formatGenerateSummary([policy({ status: 'unchanged' })], files).slice(1)).toEqual([
      'Report in generated/report/: 3 files; 2 written, 1 unchanged, 1 removed.',
      '1 policy, 1 rule, 2 distinct cells; 2 files written, 3 unchanged, 1 removed.',
    ]);
  });
});
