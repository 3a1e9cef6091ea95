/**
 * `withNest`: enters a nest (`enterNest`), runs `body` with it, and exits it however
 * the body ends, with the error handling of `orchestrate` and of Python's `async
 * with`: an error thrown while exiting replaces the body's. (`await using` instead
 * wraps both in a `SuppressedError`, which is not how Prefect's tests see it.)
 */
import type { OrchestrationContext } from '../orchestration-context.ts';
import { enterNest, type EnteredNest, type EnterNestOptions } from './enter-nest.ts';

/**
 * Resolves with what `body` returns once the nest has exited (unless the body exited
 * it already). When the body throws, the nest is exited and the body's error is
 * thrown, unless exiting threw (an exit hook, or the orchestration error a before
 * hook recorded): then that error is thrown instead.
 */
export async function withNest<C extends OrchestrationContext<any>, T>(
  options: EnterNestOptions<C>,
  body: (nest: EnteredNest<C>) => T | Promise<T>,
): Promise<T> {
  const nest = await enterNest(options);
  let result: T;
  try {
    result = await body(nest);
  } catch (error) {
    if (!nest.exited) await nest.exit(); // an exit error replaces the body's
    throw error;
  }
  if (!nest.exited) await nest.exit();
  return result;
}
