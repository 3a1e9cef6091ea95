/**
 * Keys that name a distinct cell (a rule sequence) in a report's legend: A, B, …, Z,
 * AA, AB, …, like spreadsheet columns. Letters cannot be mistaken for the rule counts
 * written next to them, and the sequence never runs out.
 */

/** The key of the `index`-th distinct cell (0 → `A`, 25 → `Z`, 26 → `AA`). Pure. */
export function cellKey(index: number): string {
  if (!Number.isInteger(index) || index < 0) {
    throw new RangeError(`cellKey expects a non-negative integer index; got ${index}.`);
  }
  let key = '';
  let rest = index + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    key = String.fromCharCode(65 + digit) + key;
    rest = Math.floor((rest - 1) / 26);
  }
  return key;
}
