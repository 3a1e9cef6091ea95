/**
 * "Did you mean" suggestions: the candidate nearest to a misspelt name by edit
 * distance, for error messages about unknown states, policies and config keys.
 */
import { stringLiteral } from '../text/escape.ts';

/**
 * The candidate closest to `name` (Levenshtein distance, case-insensitive ties broken
 * by candidate order), or `undefined` when none is close enough to be a plausible typo:
 * at most a third of the longer name's length, and at least 1 apart from nothing.
 */
function suggestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = Math.min(
      editDistance(name, candidate),
      editDistance(name.toLowerCase(), candidate.toLowerCase()) + 0.5,
    );
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.ceil(Math.max(name.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** ` Did you mean "X"?` for the nearest candidate, or an empty string. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const suggestion = suggestName(name, candidates);
  return suggestion === undefined ? '' : ` Did you mean ${stringLiteral(suggestion)}?`;
}

/** Levenshtein distance over UTF-16 code units. */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(
        Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1),
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}
