/** Clocks: the system clock and the manual clock tests inject. */
import { describe, expect, it } from 'vitest';
import { ManualClock, systemClock } from '../../src/index.ts';

describe(ManualClock.name, () => {
  it('starts at 2023-02-01T12:00:00Z by default, or at the given time', () => {
    expect(new ManualClock().now()).toEqual(new Date('2023-02-01T12:00:00.000Z'));
    expect(new ManualClock(0).now()).toEqual(new Date(0));
  });

  it('moves only when told, by seconds or to a time', () => {
    const clock = new ManualClock('2023-02-01T12:00:00.000Z');
    clock.advance(90);
    expect(clock.now()).toEqual(new Date('2023-02-01T12:01:30.000Z'));
    clock.advance(-30);
    expect(clock.now()).toEqual(new Date('2023-02-01T12:01:00.000Z'));
    clock.set('2024-01-01T00:00:00.000Z');
    expect(clock.now()).toEqual(new Date('2024-01-01T00:00:00.000Z'));
  });

  it('returns a new Date on each call', () => {
    const clock = new ManualClock();
    const first = clock.now();
    first.setTime(0);
    expect(clock.now()).toEqual(new Date('2023-02-01T12:00:00.000Z'));
  });
});

describe('systemClock', () => {
  it('reads the system time', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
