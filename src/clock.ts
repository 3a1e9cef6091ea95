/**
 * The source of "now". Rules never read the system clock directly: they ask the
 * context's clock, so that every test is deterministic
 * (docs/orchestration-semantics.md#time-and-randomness).
 */
export interface Clock {
  /** The current time, in UTC. Each call returns a new `Date`. */
  now(): Date;
}

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to: for tests and simulations. */
export class ManualClock implements Clock {
  #ms: number;

  constructor(start: Date | string | number = '2023-02-01T12:00:00.000Z') {
    this.#ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.#ms);
  }

  /** Moves the clock forward (or back, with a negative number) by `seconds`. */
  advance(seconds: number): void {
    this.#ms += seconds * 1000;
  }

  /** Sets the clock to `time`. */
  set(time: Date | string | number): void {
    this.#ms = new Date(time).getTime();
  }
}
