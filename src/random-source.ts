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
  // Four 32-bit draws per id, formatted as a version 4 UUID (version nibble 4,
  // variant 10xx): cheap enough for simulations that create thousands of states.
  const hex8 = (): string => ((next() * 4294967296) >>> 0).toString(16).padStart(8, '0');
  return {
    random: next,
    uuid: () => {
      const a = hex8();
      const b = hex8();
      const c = hex8();
      const d = hex8();
      const variant = '89ab'[parseInt(c.charAt(0), 16) & 3]!;
      return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
    },
  };
}
