/**
 * Planning a generated state indexer: a perfect hash over one policy's state names,
 * in the spirit of gperf. Pure and deterministic (the same names always give the same
 * plan), so generated output is byte-identical across runs.
 *
 * The hash reads the name's length and the character codes at a few positions (from
 * the start or from the end), chosen greedily until they tell every name apart, mixes
 * them linearly, multiplies by a seed and keeps the top `bits` bits: a slot in a table
 * of `2 ** bits` entries. Factors and seed are searched until no two names share a
 * slot; the generated code then verifies a hit with one string comparison. When no few
 * positions tell the names apart (many equal-length names differing in one position
 * each), the plan falls back to a `Map` (still O(1)).
 */

/** One character position the hash reads. */
export interface HashPosition {
  /** From the start: `charCodeAt(offset)`; from the end: `charCodeAt(length - offset)`. */
  fromEnd: boolean;
  offset: number;
  /** True when some name is too short for this position, so the read needs `| 0` (NaN → 0). */
  guard: boolean;
  factor: number;
}

export type StateHashPlan =
  /** No states: only `null` has a code. */
  | { kind: 'empty' }
  /** One state: one comparison. */
  | { kind: 'single' }
  /** `Math.imul(length * lengthFactor + Σ char(p) * p.factor, seed) >>> (32 - bits)`. */
  | { kind: 'hash'; bits: number; seed: number; lengthFactor: number; positions: HashPosition[] }
  | { kind: 'map' };

/** At most this many positions are read; beyond that a `Map` is as fast. */
export const MAX_POSITIONS = 6;
/** The largest table tried (`2 ** 16` slots): enough for thousands of states. */
const MAX_BITS = 16;
const TRIES_PER_SIZE = 4000;

/** The plan for `states` (distinct, non-empty names). */
export function planStateHash(states: readonly string[]): StateHashPlan {
  if (states.length === 0) return { kind: 'empty' };
  if (states.length === 1) return { kind: 'single' };
  const positions = choosePositions(states);
  if (positions === undefined) return { kind: 'map' };

  const n = states.length;
  const minBits = Math.max(1, Math.ceil(Math.log2(n)));
  const stamps = new Int32Array(1 << MAX_BITS);
  let stamp = 0;
  for (let bits = minBits; bits <= MAX_BITS; bits++) {
    // Skip table sizes where a collision-free seed is too unlikely to be worth the search.
    if (expectedTries(n, 2 ** bits) > TRIES_PER_SIZE / 4) continue;
    const random = splitmix32(0x5eed0000 + bits);
    for (let attempt = 0; attempt < TRIES_PER_SIZE; attempt++) {
      const plan: StateHashPlan = {
        kind: 'hash',
        bits,
        seed: random() | 1,
        lengthFactor: (random() & 0xffff) | 1,
        positions: positions.map((p) => ({ ...p, factor: (random() & 0xffff) | 1 })),
      };
      stamp++;
      let ok = true;
      for (const state of states) {
        const slot = hashSlot(plan, state);
        if (stamps[slot] === stamp) {
          ok = false;
          break;
        }
        stamps[slot] = stamp;
      }
      if (ok) return plan;
    }
  }
  return { kind: 'map' };
}

/**
 * The slot of `state` under a `hash` plan: exactly the arithmetic the generated code
 * performs, so that the plan's verification holds at run time.
 */
export function hashSlot(plan: Extract<StateHashPlan, { kind: 'hash' }>, state: string): number {
  let sum = state.length * plan.lengthFactor;
  for (const p of plan.positions) {
    const code = state.charCodeAt(p.fromEnd ? state.length - p.offset : p.offset);
    sum += (p.guard ? code | 0 : code) * p.factor;
  }
  return Math.imul(sum, plan.seed) >>> (32 - plan.bits);
}

/**
 * Greedily picks positions until `(length, chars at positions)` differs for every pair
 * of names; prefers positions every name has (no guard), then earlier ones. `undefined`
 * when `MAX_POSITIONS` do not suffice.
 */
function choosePositions(states: readonly string[]): Omit<HashPosition, 'factor'>[] | undefined {
  const lengths = states.map((s) => s.length);
  const minLength = Math.min(...lengths);
  const maxLength = Math.max(...lengths);
  const candidates: Omit<HashPosition, 'factor'>[] = [];
  for (let offset = 0; offset < maxLength; offset++) {
    candidates.push({ fromEnd: false, offset, guard: offset >= minLength });
    candidates.push({ fromEnd: true, offset: offset + 1, guard: offset + 1 > minLength });
  }
  const read = (p: Omit<HashPosition, 'factor'>, s: string): number =>
    s.charCodeAt(p.fromEnd ? s.length - p.offset : p.offset) | 0;

  let keys = states.map((s) => String(s.length));
  const chosen: Omit<HashPosition, 'factor'>[] = [];
  let collisions = collidingPairs(keys);
  while (collisions > 0) {
    if (chosen.length === MAX_POSITIONS) return undefined;
    let best:
      { candidate: Omit<HashPosition, 'factor'>; keys: string[]; collisions: number } | undefined;
    for (const candidate of candidates) {
      if (chosen.includes(candidate)) continue;
      const refined = keys.map((key, i) => `${key},${read(candidate, states[i] as string)}`);
      const remaining = collidingPairs(refined);
      if (
        best === undefined ||
        remaining < best.collisions ||
        (remaining === best.collisions && best.candidate.guard && !candidate.guard)
      ) {
        best = { candidate, keys: refined, collisions: remaining };
      }
    }
    if (best === undefined || best.collisions === collisions) return undefined;
    chosen.push(best.candidate);
    keys = best.keys;
    collisions = best.collisions;
  }
  return chosen;
}

function collidingPairs(keys: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  let pairs = 0;
  for (const count of counts.values()) pairs += (count * (count - 1)) / 2;
  return pairs;
}

/** 1 / P(n random keys land in n distinct slots of m). */
function expectedTries(n: number, m: number): number {
  if (n > m) return Number.POSITIVE_INFINITY;
  let logP = 0;
  for (let i = 1; i < n; i++) logP += Math.log1p(-i / m);
  return Math.exp(-logP);
}

/** A small deterministic PRNG (splitmix32): the search never depends on Math.random. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}
