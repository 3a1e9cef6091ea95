/**
 * The `uniform` workload: `(from, to)` pairs drawn uniformly from a policy's universe
 * squared (`null` included), with a fixed seed, so that every run and every machine
 * measures the same sequence; the worst case for branch prediction.
 */
import type { TracePair } from '../trace/read-trace.ts';

/** `count` pairs from `universe × universe`; the same for the same arguments. */
export function uniformPairs(
  universe: readonly (string | null)[],
  count: number,
  seed: number,
): TracePair[] {
  const random = mulberry32(seed);
  const pick = (): string | null => universe[Math.floor(random() * universe.length)]!;
  return Array.from({ length: count }, () => [pick(), pick()] as const);
}

/** A small, fast, seeded generator of numbers in [0, 1) (mulberry32). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
