/** Plain-text columns for CLI output: left-aligned text, right-aligned numbers; shared limits. */

/** Rows of cells padded to their column's width; `right` marks right-aligned columns. */
export function formatTable(
  rows: readonly (readonly string[])[],
  right: ReadonlySet<number> = new Set(),
): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) =>
        right.has(i)
          ? cell.padStart(widths[i] ?? 0)
          : i === row.length - 1
            ? cell
            : cell.padEnd(widths[i] ?? 0),
      )
      .join('  '),
  );
}

/** `1 rule`, `2 rules`. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/**
 * How many changed cells `generate` and `check` print per policy before `… and N more
 * cells`; their API results hold all of them.
 */
export const CELLS_SHOWN = 40;
