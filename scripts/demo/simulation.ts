/**
 * `Simulation`: a discrete-event scheduler over a `ManualClock`. Agents `await
 * sleep(seconds)`; `run()` jumps the clock from one wake-up time to the next and lets
 * every agent that wakes then run until it sleeps again (or finishes), so hours of
 * simulated time pass in milliseconds and every run is deterministic.
 */
import { ManualClock } from '../../src/index.ts';

/** Calls in flight that the simulation waits for (a database store's). */
export interface PendingIo {
  busy(): boolean;
  /** Resolves once nothing is in flight. */
  idle(): Promise<void>;
}

interface Timer {
  at: number;
  seq: number;
  wake: () => void;
}

export class Simulation {
  readonly clock: ManualClock;
  readonly #timers: Timer[] = [];
  #seq = 0;

  constructor(start: Date) {
    this.clock = new ManualClock(start);
  }

  /** Resolves when the simulated clock reaches now + `seconds` (at least one tick later). */
  sleep(seconds: number): Promise<void> {
    const at = this.clock.now().getTime() + Math.max(0, seconds) * 1000;
    return new Promise((wake) => this.#push({ at, seq: this.#seq++, wake }));
  }

  /** Resolves at `time` (or on the next tick if it has passed). */
  sleepUntil(time: Date): Promise<void> {
    return this.sleep((time.getTime() - this.clock.now().getTime()) / 1000);
  }

  /**
   * Runs until no agent is sleeping: wakes the earliest sleepers (all with the same
   * wake-up time, in the order they went to sleep), then yields one macrotask so that
   * everything they do next (all promise-based) settles before the clock moves on.
   */
  async run(onTick?: () => void, io?: PendingIo): Promise<void> {
    await this.#settle(io);
    while (this.#timers.length > 0) {
      const at = this.#timers[0]!.at;
      this.clock.set(at);
      while (this.#timers.length > 0 && this.#timers[0]!.at === at) this.#pop().wake();
      await this.#settle(io);
      onTick?.();
    }
  }

  /**
   * One macrotask; with `io` (a store doing real I/O), repeated until no call is in
   * flight after it: only then is every agent asleep or done.
   */
  async #settle(io: PendingIo | undefined): Promise<void> {
    for (;;) {
      await turn();
      if (io === undefined || !io.busy()) return;
      await io.idle();
    }
  }

  #push(timer: Timer): void {
    const heap = this.#timers;
    heap.push(timer);
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  #pop(): Timer {
    const heap = this.#timers;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let next = i;
        if (left < heap.length && before(heap[left]!, heap[next]!)) next = left;
        if (right < heap.length && before(heap[right]!, heap[next]!)) next = right;
        if (next === i) break;
        [heap[i], heap[next]] = [heap[next]!, heap[i]!];
        i = next;
      }
    }
    return top;
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/** One macrotask: every pending promise continuation runs first. */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
