import { describe, expect, it } from 'vitest';
import { renderPolicyMarkdown } from '../../../codegen/report/render-policy-markdown.ts';
import { policy as hostile } from '../../fixtures/report-hostile/policy.ts';
import { buildPolicyModel } from './build-policy-model.ts';

const ticket = buildPolicyModel({
  name: 'TicketPolicy',
  location: { file: 'src/ticket.ts', line: 4, column: 14 },
  states: ['QUEUED', 'ACTIVE', 'DONE', 'FAILED', 'LOST'],
  rules: [
    { name: 'Guard', from: ['QUEUED', null], to: ['ACTIVE', 'DONE'] },
    { name: 'Sweep', from: 'any', to: ['QUEUED', 'ACTIVE', 'DONE', 'FAILED', null] },
  ],
  priority: ['Guard', 'Sweep'],
});

/** The table rows of a section (lines starting with `|`, header and alignment included). */
function tableOf(markdown: string, heading: string): string[] {
  const section = markdown.split(`## ${heading}\n`)[1]!.split('\n## ')[0]!;
  return section.split('\n').filter((line) => line.startsWith('|'));
}

/** Splits a GFM table row into cells the way GitHub does: on pipes not escaped by a backslash. */
function cellsOf(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

describe(renderPolicyMarkdown.name, () => {
  const markdown = renderPolicyMarkdown(ticket);

  it('opens with a banner, the policy name and its source location', () => {
    expect(markdown.split('\n').slice(0, 4)).toEqual([
      '<!-- policy-matrix report of TicketPolicy (src/ticket.ts:4:14). Generated from the compiled policy model; do not edit. -->',
      '# TicketPolicy',
      '',
      '- Defined at `src/ticket.ts:4:14`.',
    ]);
  });

  it('writes a from × to table with the rule count and legend key of each cell', () => {
    const table = tableOf(markdown, 'Transition matrix');
    expect(table[0]).toBe('| from ╲ to | `QUEUED` | `ACTIVE` | `DONE` | `FAILED` | `LOST` | ∅ |');
    expect(table[2]).toBe('| `QUEUED` | 1 A | 2 B | 2 B | 1 A | 0 | 1 A |');
    expect(table.at(-1)).toBe('| ∅ | 1 A | 2 B | 2 B | 1 A | 0 | 1 A |');
  });

  it('lists each rule sequence once in the legend, with the empty cells last', () => {
    expect(tableOf(markdown, 'Legend').slice(2)).toEqual([
      '| A | 1 | 26 | `Sweep` |',
      '| B | 2 | 4 | `Guard`, `Sweep` |',
      '| – | 0 | 6 | no rule fires |',
    ]);
  });

  it('indexes the rules with their positions, region, cell count, keys and location', () => {
    expect(tableOf(markdown, 'Rules').slice(2)).toEqual([
      '| 1 | `Guard` | rule | {`QUEUED`, ∅} × {`ACTIVE`, `DONE`} | 4 | B | `src/rules/Guard.ts:3:14` |',
      '| 2 | `Sweep` | rule | any × any except {`LOST`} | 30 | A, B | `src/rules/Sweep.ts:3:14` |',
    ]);
  });

  it('embeds the heatmap when given its file', () => {
    expect(renderPolicyMarkdown(ticket, { heatmapFile: 'ticket policy (1).svg' })).toContain(
      '![Heatmap of the rules per transition of TicketPolicy](ticket%20policy%20%281%29.svg)',
    );
    expect(markdown).not.toContain('![');
  });

  it('keeps every table row at the same number of cells, whatever the state names', () => {
    const report = renderPolicyMarkdown(hostile);
    for (const heading of ['Transition matrix', 'Legend', 'Rules']) {
      const rows = tableOf(report, heading);
      const width = cellsOf(rows[0]!).length;
      for (const row of rows) expect(cellsOf(row)).toHaveLength(width);
    }
    expect(tableOf(report, 'Transition matrix')).toHaveLength(12);
  });

  it('shows a state literally named null or ∅ in a code span, and the null state bare', () => {
    const header = cellsOf(tableOf(renderPolicyMarkdown(hostile), 'Transition matrix')[0]!);
    expect(header.slice(-4)).toEqual(['`null`', '`∅`', '`"quoted" \'single\'`', '∅']);
  });

  it('keeps `--` out of the banner comment', () => {
    const banner = renderPolicyMarkdown(hostile).split('\n')[0]!;
    expect(banner.slice(4, -3)).not.toContain('--');
  });

  it('is deterministic', () => {
    expect(renderPolicyMarkdown(structuredClone(ticket))).toBe(markdown);
  });
});
