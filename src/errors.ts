/**
 * Errors the runtime throws on purpose. Each message says what happened and, where
 * there is one, what to do instead.
 */

/**
 * An orchestration cannot go on as asked, for example a null reject of a run that has
 * no state. Thrown inside a before hook it becomes an ABORT and is re-thrown by
 * `orchestrate` once the nest has unwound (docs/orchestration-semantics.md#errors).
 */
export class OrchestrationError extends Error {
  override name = 'OrchestrationError';
}

/**
 * A mutation (reject, delay, abort) was called after the transition was validated,
 * i.e. outside a before hook. Never caught: it escapes `orchestrate`.
 */
export class TransitionValidatedError extends Error {
  override name = 'TransitionValidatedError';

  constructor(rule: string, mutation: string) {
    super(
      `${rule} called ${mutation} after the transition was validated; ` +
        'mutations may only be called from beforeTransition.',
    );
  }
}

/**
 * `orchestrateSync` met a hook or a commit that returned a promise. `hook` names it:
 * `Rule.beforeTransition`, `Rule.afterTransition`, `Rule.cleanup`, or `commit`. The
 * orchestration stopped right there and the promise is not awaited
 * (docs/orchestration-semantics.md#the-synchronous-entry-point).
 */
export class AsyncHookError extends OrchestrationError {
  override name = 'AsyncHookError';
  readonly hook: string;

  constructor(hook: string) {
    super(
      `${hook} returned a promise, but orchestrateSync only runs hooks and commits that ` +
        'return synchronously: make it a plain (non-async) function, or call orchestrate instead. ' +
        'The orchestration stopped at that point; discard its context.',
    );
    this.hook = hook;
  }
}

/**
 * A one-line description of anything thrown, for reason strings: `Name: message` for
 * Errors, the text of a thrown string, JSON (or `String`) for anything else. Never
 * throws, even for circular objects, BigInts or objects without a prototype, because
 * it runs inside the catch blocks that turn errors into ABORTs.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === 'string') return error;
  try {
    const json = JSON.stringify(error);
    if (json !== undefined) return json;
  } catch {
    // Circular or BigInt-holding values: fall through to String.
  }
  try {
    return String(error);
  } catch {
    return Object.prototype.toString.call(error);
  }
}
