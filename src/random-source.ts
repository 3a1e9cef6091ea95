import { randomUUID } from 'node:crypto';

/**
 * The source of random numbers and ids. Rules draw from the context's source, never
 * from `Math.random` or `crypto` directly, so that tests are deterministic. Both members
 * are plain functions (no `this`), so a source can be assembled from another's parts.
 */
export interface RandomSource {
  /** A uniformly distributed number in [0, 1). */
  random: () => number;
  /** A fresh random UUID (version 4 format). */
  uuid: () => string;
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
  // variant 10xx): cheap enough for simulations that create thousands of states. The
  // id is written from a byte table in one concatenation (no number-to-string
  // conversions, no slices); the characters are exactly those of the hex digits of
  // the four draws a, b, c, d: a-b[0..3]-4b[5..7]-(variant of c[0])c[1..3]-c[4..7]d.
  const draw = (): number => (next() * 4294967296) >>> 0;
  return {
    random: next,
    uuid: () => {
      const a = draw();
      const b = draw();
      const c = draw();
      const d = draw();
      return (
        BYTE_HEX[a >>> 24]! +
        BYTE_HEX[(a >>> 16) & 255]! +
        BYTE_HEX[(a >>> 8) & 255]! +
        BYTE_HEX[a & 255]! +
        '-' +
        BYTE_HEX[b >>> 24]! +
        BYTE_HEX[(b >>> 16) & 255]! +
        '-4' +
        HEX[(b >>> 8) & 15]! +
        BYTE_HEX[b & 255]! +
        '-' +
        VARIANT[(c >>> 28) & 3]! +
        HEX[(c >>> 24) & 15]! +
        BYTE_HEX[(c >>> 16) & 255]! +
        '-' +
        BYTE_HEX[(c >>> 8) & 255]! +
        BYTE_HEX[c & 255]! +
        BYTE_HEX[d >>> 24]! +
        BYTE_HEX[(d >>> 16) & 255]! +
        BYTE_HEX[(d >>> 8) & 255]! +
        BYTE_HEX[d & 255]!
      );
    },
  };
}

const HEX = '0123456789abcdef';
const VARIANT = '89ab';
/** The two hex digits of every byte, `BYTE_HEX[0x3f] === '3f'`. */
const BYTE_HEX: readonly string[] = Array.from(
  { length: 256 },
  (_, byte) => HEX[byte >>> 4]! + HEX[byte & 15]!,
);
