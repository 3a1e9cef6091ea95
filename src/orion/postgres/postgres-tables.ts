/**
 * `PostgresTables`: the schema-qualified names of the store's tables, computed once per
 * store so every statement names its schema explicitly (several stores may share one
 * database, each in its own schema).
 */
import type { RunKind } from '../runs/run-kind.ts';
import { quoteIdentifier } from './quote-identifier.ts';

export interface PostgresTables {
  schema: string;
  run: Readonly<Record<RunKind, string>>;
  state: Readonly<Record<RunKind, string>>;
  /** The state table's column that points at its run. */
  stateRunColumn: Readonly<Record<RunKind, string>>;
  artifact: string;
  cache: string;
  limit: string;
}

export function postgresTables(schema: string): PostgresTables {
  const q = quoteIdentifier(schema);
  return {
    schema,
    run: { flow: `${q}.flow_run`, task: `${q}.task_run` },
    state: { flow: `${q}.flow_run_state`, task: `${q}.task_run_state` },
    stateRunColumn: { flow: 'flow_run_id', task: 'task_run_id' },
    artifact: `${q}.artifact`,
    cache: `${q}.task_run_state_cache`,
    limit: `${q}.concurrency_limit`,
  };
}
