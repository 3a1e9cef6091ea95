/**
 * A port of Python's `contextlib.AsyncExitStack`, the structure Prefect's orchestration
 * loop nests its rules in (`async with AsyncExitStack() as stack:` then
 * `await stack.enter_async_context(rule)` per rule). Part of the benchmark's Prefect
 * port: it reproduces the awaits and the bookkeeping Prefect pays per rule.
 *
 * `enterAsyncContext` awaits the manager's `aenter` and pushes a bound exit callback;
 * `withAsyncExitStack` runs a body and then unwinds the callbacks last-in first-out,
 * awaiting each, passing the error in flight (if any) and letting an error raised while
 * exiting replace it, exactly as the Python stack does. A callback resolving to a
 * truthy value suppresses the error in flight (Python's `__aexit__` returning True).
 */

/** An async context manager: Python's `__aenter__` / `__aexit__`. */
export interface AsyncContextManager<T> {
  aenter(): Promise<T>;
  /** Receives the error in flight, or `undefined`; a truthy result suppresses it. */
  aexit(error: unknown): Promise<unknown>;
}

type ExitCallback = (error: unknown) => Promise<unknown>;

/** The stack of exit callbacks of the managers entered so far. */
export class AsyncExitStack {
  readonly #exits: ExitCallback[] = [];

  /** Enters `manager` (awaited) and schedules its exit; resolves to what `aenter` returned. */
  async enterAsyncContext<T>(manager: AsyncContextManager<T>): Promise<T> {
    const result = await manager.aenter();
    this.#exits.push((error) => manager.aexit(error));
    return result;
  }

  /**
   * Exits every entered manager, last first, each awaited. `inFlight` is the error the
   * body raised (or null); rejects with whatever error is still in flight at the end.
   */
  async unwind(inFlight: { error: unknown } | null): Promise<void> {
    let pending = inFlight;
    while (this.#exits.length > 0) {
      const exit = this.#exits.pop()!;
      try {
        const suppress = await exit(pending === null ? undefined : pending.error);
        if (pending !== null && suppress) pending = null;
      } catch (error) {
        pending = { error };
      }
    }
    if (pending !== null) throw pending.error;
  }
}

/** `async with AsyncExitStack() as stack: await body(stack)`. */
export async function withAsyncExitStack<R>(
  body: (stack: AsyncExitStack) => Promise<R>,
): Promise<R> {
  const stack = new AsyncExitStack();
  let result: R;
  try {
    result = await body(stack);
  } catch (error) {
    await stack.unwind({ error });
    throw error;
  }
  await stack.unwind(null);
  return result;
}
