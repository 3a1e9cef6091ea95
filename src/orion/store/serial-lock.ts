/**
 * `SerialLock`: runs asynchronous work one piece at a time, in call order. The
 * in-memory store uses it to isolate transactions (one writer at a time, as SQLite
 * does), which is what keeps racing transitions from sharing a concurrency slot.
 */
export class SerialLock {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` once every earlier `run` has settled; resolves or rejects as `work` does. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(work);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
