import { randomUUID } from 'node:crypto';

/**
 * The source of random numbers and ids. Rules draw from the context's source, never
 * from `Math.random` or `crypto` directly, so that tests are deterministic.
 */
export interface RandomSource {
  /** A uniformly distributed number in [0, 1). */
  random(): number;
  /** A fresh random UUID (version 4 format). */
  uuid(): string;
}

/** `Math.random` and `crypto.randomUUID`. */
export const systemRandom: RandomSource = { random: Math.random, uuid: randomUUID };

/**
 * A deterministic source (mulberry32) for tests and simulations: the same seed gives
 * the same sequence of numbers and ids.
 */
export function seededRandom(seed = 1): RandomSource {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const hex = (n: number): string =>
    Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  return {
    random: next,
    uuid: () =>
      `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`,
  };
}
