/**
 * `validateRunId` and `validateRunKind`: the run a call names (`setFlowRunState(id)`,
 * `flowRun(id)`, `stateHistory(kind, id)`), checked before any store looks it up, so
 * that an id no store could hold is refused the same way everywhere rather than found
 * missing on one store and failing in the database driver on another.
 */
import type { RunKind } from '../runs/run-kind.ts';
import { checkKey } from './check-text.ts';
import { describeInput } from './describe-input.ts';
import { InvalidInputError } from './invalid-input-error.ts';

/** Throws `InvalidInputError` unless `id` is a key (a string of at most `MAX_KEY_LENGTH`, storable). */
export function validateRunId(id: unknown, path: string): asserts id is string {
  checkKey(id, path);
}

/** Throws `InvalidInputError` unless `kind` is `'flow'` or `'task'`. */
export function validateRunKind(kind: unknown, path = 'kind'): asserts kind is RunKind {
  if (kind === 'flow' || kind === 'task') return;
  throw new InvalidInputError(
    'wrong-type',
    path,
    `${path} must be "flow" or "task", got ${describeInput(kind)}.`,
  );
}
