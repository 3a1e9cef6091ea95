/**
 * Contexts whose orchestration `orchestrateSync` gave up on because a hook or the
 * commit returned a promise. The orchestration does not wait for that promise, and
 * when it settles, the bookkeeping that would have followed it (a signature, the ABORT
 * of a before hook that failed, the validated state) is dropped, so that the context
 * stays exactly as it was when `orchestrateSync` threw. Internal: not exported from
 * the package.
 */
import type { OrchestrationContext } from './orchestration-context.ts';

const abandoned = new WeakSet<OrchestrationContext<any>>();
/** False until the first abandonment: asking then costs no lookup. */
let anyAbandoned = false;

/** Marks `context` as abandoned, for good. */
export function abandonContext(context: OrchestrationContext<any>): void {
  anyAbandoned = true;
  abandoned.add(context);
}

/** True once `abandonContext(context)` was called. Asked only after a promise settled. */
export function isAbandoned(context: OrchestrationContext<any>): boolean {
  return anyAbandoned && abandoned.has(context);
}
