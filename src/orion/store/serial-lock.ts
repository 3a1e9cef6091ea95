/**
 * `SerialLock`: runs work one piece at a time, in call order. The in-memory store uses
 * it to isolate transactions (one writer at a time, as SQLite does), which is what
 * keeps racing transitions from sharing a concurrency slot.
 *
 * Work that finds the lock free runs at once, synchronously; if it answers directly it
 * never held the lock past its own call, so nothing can have interleaved with it, and
 * no promise is made. Work that returns a promise holds the lock until that promise
 * settles, and work that arrives meanwhile queues behind it.
 */
import { isPromiseLike, type MaybePromise } from '../../maybe-promise.ts';

export class SerialLock {
  #tail: Promise<unknown> = Promise.resolve();
  /** Pieces of work queued or running asynchronously. */
  #held = 0;
  /** True while work runs synchronously inside `run`. */
  #inline = false;

  /**
   * Runs `work` now when nothing holds the lock, otherwise once every earlier piece has
   * settled. Answers as `work` does: directly (or by throwing) when it ran now and
   * answered directly, with a promise otherwise.
   */
  run<T>(work: () => MaybePromise<T>): MaybePromise<T> {
    if (this.#inline) {
      // Queued behind work that is still running, this would wait for its caller: a
      // deadlock. Running it now would break isolation. Neither is acceptable.
      throw new Error(
        'A transaction was opened inside another transaction of the same store: ' +
          'reuse the open session instead (nested orchestrations take it as a parameter).',
      );
    }
    if (this.#held === 0) {
      let result: MaybePromise<T>;
      this.#inline = true;
      try {
        result = work();
      } finally {
        this.#inline = false;
      }
      if (!isPromiseLike(result)) return result;
      return this.#hold(Promise.resolve(result));
    }
    return this.#hold(this.#tail.then(work));
  }

  #hold<T>(result: Promise<T>): Promise<T> {
    this.#held++;
    const release = (): void => {
      this.#held--;
    };
    this.#tail = result.then(release, release);
    return result;
  }
}
