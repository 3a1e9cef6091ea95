/**
 * `unknownFlowRunError`: what every store throws when a task run is added for a flow
 * run it does not hold: an `ObjectNotFoundError`, never the database's foreign-key
 * error (which becomes its `cause` on PostgreSQL).
 */
import { ObjectNotFoundError } from '../object-not-found-error.ts';

export function unknownFlowRunError(
  taskRunId: string,
  flowRunId: string,
  cause?: unknown,
): ObjectNotFoundError {
  return new ObjectNotFoundError(
    `Cannot add task run ${taskRunId}: its flow run ${flowRunId} was not found. Add the flow run first (addFlowRun).`,
    cause === undefined ? undefined : { cause },
  );
}
