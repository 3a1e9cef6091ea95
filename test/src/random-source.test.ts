/** Random sources: the system source and the seeded one tests inject. */
import { describe, expect, it } from 'vitest';
import { seededRandom, systemRandom } from '../../src/index.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe(seededRandom.name, () => {
  it('repeats its sequence for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const draw = (source: ReturnType<typeof seededRandom>) => [
      source.random(),
      source.uuid(),
      source.random(),
    ];
    expect(draw(a)).toEqual(draw(b));
  });

  it('differs between seeds', () => {
    expect(seededRandom(1).random()).not.toBe(seededRandom(2).random());
  });

  it('draws numbers in [0, 1) and version 4 UUIDs', () => {
    const source = seededRandom(9);
    for (let i = 0; i < 1000; i++) {
      const value = source.random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
    const ids = new Set(Array.from({ length: 100 }, () => source.uuid()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });
});

describe('systemRandom', () => {
  it('draws numbers in [0, 1) and version 4 UUIDs', () => {
    const value = systemRandom.random();
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThan(1);
    expect(systemRandom.uuid()).toMatch(UUID_V4);
  });
});
