/**
 * A worker process of the multi-process test: its own engine and connection pool on
 * the shared PostgreSQL schema, driving its share of the task runs (every
 * `workerCount`-th, from `workerIndex`). Reads its settings from the PM_WORKER
 * environment variable (JSON) and reports on stdout, one JSON object a line:
 * `{"type":"done",…counts}` at the end, `{"type":"error",message}` on failure.
 *
 * With `hangOnSlot: n`, the worker is the one the test kills: its n-th transaction that
 * takes a concurrency slot (PENDING → RUNNING) stops right before COMMIT, with every row written and
 * locked, reports `{"type":"holding",stateIds,slots}` and waits forever.
 */
import { GENERATED_RULE_SOURCES } from '../../../../../scripts/generated-rule-sources.ts';
import { OrionEngine } from '../../../../../src/orion/index.ts';
import {
  connectNodePostgres,
  PostgresOrionStore,
  type SqlClient,
} from '../../../../../src/orion/postgres/index.ts';
import { quoteIdentifier } from '../../../../../src/orion/postgres/quote-identifier.ts';
import { driveAll, taskRunIndex, type DriveCounts } from './workload.ts';

export interface WorkerSettings {
  url: string;
  schema: string;
  workerIndex: number;
  workerCount: number;
  inFlight: number;
  hangOnSlot?: number;
}

const report = (message: object): void => {
  process.stdout.write(`${JSON.stringify(message)}\n`);
};

/** `client` whose `hangOnSlot`-th slot-taking transaction hangs before COMMIT. */
function hangingClient(client: SqlClient, schema: string, hangOnSlot: number): SqlClient {
  let slotTransactions = 0;
  return {
    ...client,
    transaction: (work) =>
      client.transaction(async (tx) => {
        const result = await work(tx);
        // Rows this transaction wrote carry its id in xmin.
        const mine = 'xmin = xid(pg_current_xact_id_if_assigned())';
        const slots = await tx.query<{ tag: string; active_slots: string[] }>(
          `SELECT tag, active_slots FROM ${quoteIdentifier(schema)}.concurrency_limit WHERE ${mine}`,
        );
        const states = await tx.query<{ id: string; task_run_id: string; type: string }>(
          `SELECT id, task_run_id, type FROM ${quoteIdentifier(schema)}.task_run_state WHERE ${mine}`,
        );
        // A transaction that takes a slot: a task run entering RUNNING, now in a slot set.
        const takesSlot = states.some(
          (state) =>
            state.type === 'RUNNING' &&
            slots.some((limit) => limit.active_slots.includes(state.task_run_id)),
        );
        if (takesSlot && ++slotTransactions === hangOnSlot) {
          report({
            type: 'holding',
            stateIds: states.map((row) => row.id),
            taskRunIds: states.map((row) => row.task_run_id),
            slots,
          });
          await new Promise(() => undefined);
        }
        return result;
      }),
  };
}

async function main(): Promise<void> {
  const settings = JSON.parse(process.env['PM_WORKER'] ?? '') as WorkerSettings;
  const pool = await connectNodePostgres({
    url: settings.url,
    max: 4,
    application_name: `pm-worker-${settings.workerIndex}`,
  });
  const client =
    settings.hangOnSlot === undefined
      ? pool
      : hangingClient(pool, settings.schema, settings.hangOnSlot);
  const store = await PostgresOrionStore.open({ client, schema: settings.schema });
  const engine = new OrionEngine({ store, policies: GENERATED_RULE_SOURCES });
  const rows = await pool.query<{ id: string }>(
    `SELECT id FROM ${quoteIdentifier(settings.schema)}.task_run ORDER BY id`,
  );
  const mine = rows
    .map((row) => ({ id: row.id, index: taskRunIndex(row.id) }))
    .filter(({ index }) => index % settings.workerCount === settings.workerIndex);
  const counts: DriveCounts = { transitions: 0, waits: 0 };
  const started = performance.now();
  await driveAll(engine, mine, settings.inFlight, counts);
  report({
    type: 'done',
    runs: mine.length,
    ...counts,
    retries: store.retries,
    seconds: (performance.now() - started) / 1000,
  });
  await store.close();
}

main().catch((error: unknown) => {
  report({ type: 'error', message: error instanceof Error ? error.stack : String(error) });
  process.exitCode = 1;
});
