/**
 * Number formatting shared by the table, the markdown and the chart: three significant
 * digits below 1000, whole numbers with thousands separated by a thin space above.
 */

/** `0.912`, `12.3`, `456`, `12 345`. */
export function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000)
    return Math.round(value)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
  if (value === 0) return '0';
  return Number(value.toPrecision(3)).toString();
}

/** `1.23×` */
export function formatRatio(value: number): string {
  return `${value >= 100 ? Math.round(value) : Number(value.toPrecision(3))}×`;
}
