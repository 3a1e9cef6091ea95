/**
 * `sequentialIds`: a deterministic `RandomSource` whose ids are UUID-shaped counters
 * (`00000000-0000-4000-8000-00000000002a`): cheap, readable in debugging output, and
 * unique within a run. Numbers come from `seededRandom(seed)`.
 */
import { seededRandom, type RandomSource } from '../../src/index.ts';

export function sequentialIds(seed: number, prefix: number): RandomSource {
  const numbers = seededRandom(seed);
  const head = prefix.toString(16).padStart(8, '0');
  let next = 0;
  return {
    random: numbers.random,
    uuid: () => `${head}-0000-4000-8000-${(next++).toString(16).padStart(12, '0')}`,
  };
}
