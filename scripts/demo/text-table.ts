/**
 * `textTable`: renders rows as an aligned plain-text table (text columns left, numbers
 * right), with a rule under the header. The columns are the CLI's `formatTable`.
 */
import { formatTable } from '../../codegen/cli/table.ts';

export function textTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const cells = [header, ...rows].map((row) => row.map(String));
  const numeric = new Set(
    header.flatMap((_, col) =>
      rows.length > 0 && rows.every((row) => typeof row[col] === 'number') ? [col] : [],
    ),
  );
  const widths = header.map((_, col) => Math.max(...cells.map((row) => row[col]?.length ?? 0)));
  const [head = '', ...body] = formatTable(cells, numeric).map((line) => line.trimEnd());
  return [head, widths.map((w) => '─'.repeat(w)).join('  '), ...body].join('\n');
}
