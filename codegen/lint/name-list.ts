/**
 * Short lists of names inside lint messages: `A`, `A and B`, `A, B and C`, or the
 * first few and `and N more`, so a message about a 64-state policy stays one line.
 */

/** Joins `names` as prose, listing at most `max` (default 6) of them. Pure. */
export function nameList(names: readonly string[], max = 6): string {
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
