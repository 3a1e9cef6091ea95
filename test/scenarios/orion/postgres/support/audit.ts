/**
 * The audit of a store after a fault: what the README promises, checked on the rows.
 * No acknowledged transition lost, every run agrees with its newest state, `run_count`
 * equals its RUNNING states, no limit exceeded, and each limit's slots are exactly the
 * task runs of its tag that are RUNNING.
 */
import type { SqlQueryable } from '../../../../../src/orion/postgres/index.ts';
import { quoteIdentifier } from '../../../../../src/orion/postgres/quote-identifier.ts';

export interface Acknowledged {
  runId: string;
  stateId: string;
}

export interface AuditFigures {
  taskRuns: number;
  states: number;
  acknowledged: number;
  /** Acknowledged state ids missing from the run's history. */
  lost: string[];
  /** Runs whose columns disagree with their newest state. */
  disagreeing: string[];
  /** Runs whose run_count differs from their RUNNING states. */
  runCountWrong: string[];
  /** Limits holding more slots than allowed. */
  overLimit: string[];
  /** Limits whose slots are not exactly their RUNNING task runs. */
  slotsWrong: string[];
}

/** The figures; a clean audit has every list empty. */
export async function audit(
  db: SqlQueryable,
  schema: string,
  acknowledged: readonly Acknowledged[],
): Promise<AuditFigures> {
  const s = quoteIdentifier(schema);
  const present = new Set(
    (
      await db.query<{ id: string; task_run_id: string }>(
        `SELECT id, task_run_id FROM ${s}.task_run_state`,
      )
    ).map((row) => `${row.task_run_id}/${row.id}`),
  );
  const lost = acknowledged
    .filter(({ runId, stateId }) => !present.has(`${runId}/${stateId}`))
    .map(({ runId, stateId }) => `${runId}/${stateId}`);
  const disagreeing = await db.query<{ id: string }>(
    `SELECT r.id FROM ${s}.task_run r
       LEFT JOIN LATERAL (SELECT id, type FROM ${s}.task_run_state
                           WHERE task_run_id = r.id ORDER BY created_seq DESC LIMIT 1) newest ON true
      WHERE r.state_id IS DISTINCT FROM newest.id OR r.state_type IS DISTINCT FROM newest.type`,
  );
  const runCountWrong = await db.query<{ id: string }>(
    `SELECT r.id FROM ${s}.task_run r
      WHERE r.run_count <> (SELECT count(*) FROM ${s}.task_run_state
                             WHERE task_run_id = r.id AND type = 'RUNNING')`,
  );
  const overLimit = await db.query<{ tag: string }>(
    `SELECT tag FROM ${s}.concurrency_limit WHERE cardinality(active_slots) > concurrency_limit`,
  );
  const slotsWrong = await db.query<{ tag: string }>(
    `SELECT l.tag FROM ${s}.concurrency_limit l
      WHERE ARRAY(SELECT unnest(l.active_slots) ORDER BY 1)
            IS DISTINCT FROM ARRAY(SELECT id FROM ${s}.task_run
                                    WHERE l.tag = ANY(tags) AND state_type = 'RUNNING' ORDER BY 1)`,
  );
  const [counts] = await db.query<{ runs: number; states: number }>(
    `SELECT (SELECT count(*) FROM ${s}.task_run)::int AS runs,
            (SELECT count(*) FROM ${s}.task_run_state)::int AS states`,
  );
  return {
    taskRuns: counts!.runs,
    states: counts!.states,
    acknowledged: acknowledged.length,
    lost,
    disagreeing: disagreeing.map((row) => row.id),
    runCountWrong: runCountWrong.map((row) => row.id),
    overLimit: overLimit.map((row) => row.tag),
    slotsWrong: slotsWrong.map((row) => row.tag),
  };
}

/** The figures of a clean audit with these counts: what a test expects. */
export function clean(figures: AuditFigures): AuditFigures {
  return {
    ...figures,
    lost: [],
    disagreeing: [],
    runCountWrong: [],
    overLimit: [],
    slotsWrong: [],
  };
}
