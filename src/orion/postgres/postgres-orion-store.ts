/**
 * `PostgresOrionStore`: an `OrionStore` on PostgreSQL, embedded (PGlite) or on a
 * server (node-postgres), with one schema and one dialect for both. Each transaction
 * is one READ COMMITTED database transaction whose session locks the rows it changes
 * (`FOR UPDATE`: the run of the transition, and limits in tag order), as Prefect's
 * server does; it commits when the work resolves and its session never failed, and
 * rolls back otherwise, whatever the error (a database error, a connection lost, data
 * JSON cannot hold). Serialization failures, deadlocks and connections lost before
 * COMMIT run the work again, a bounded number of times within a deadline. Besides the
 * port it offers the setup API and the committed-data reads of `InMemoryOrionStore`,
 * asynchronous here. Its errors are in `store-errors.ts`.
 */
import type { MaybePromise } from '../../maybe-promise.ts';
import { systemRandom, type RandomSource } from '../../random-source.ts';
import type { State } from '../../state.ts';
import { createFlowRun, type FlowRun, type FlowRunInit } from '../runs/flow-run.ts';
import type { RunKind } from '../runs/run-kind.ts';
import { createTaskRun, type TaskRun, type TaskRunInit } from '../runs/task-run.ts';
import type { ConcurrencyLimit } from '../store/concurrency-limits.ts';
import type { OrionSession } from '../store/orion-session.ts';
import type { OrionStoreContents } from '../store/orion-store-contents.ts';
import type { StateRow } from '../store/in-memory-tables.ts';
import type { OrionRunStore } from '../store/orion-run-store.ts';
import type { CacheEntry } from '../store/task-run-state-cache.ts';
import { checkKey } from '../validation/check-text.ts';
import { validateConcurrencyLimit } from '../validation/validate-concurrency-limit.ts';
import { validateFlowRunInit, validateTaskRunInit } from '../validation/validate-run-init.ts';
import { validateRunId, validateRunKind } from '../validation/validate-run-reference.ts';
import { migrate } from './migrate.ts';
import { PostgresSession } from './postgres-session.ts';
import { postgresTables, type PostgresTables } from './postgres-tables.ts';
import {
  cacheEntryFromRow,
  flowRunFromRow,
  limitFromRow,
  stateFromRow,
  taskRunFromRow,
} from './run-rows.ts';
import type { SqlClient } from './sql-client.ts';
import { ConnectionLostError, TransactionRetriesExhaustedError } from './store-errors.ts';
import { isRetryable, retryDelayMs } from './transaction-retry.ts';

export interface PostgresOrionStoreOptions {
  /** The database (see `connectPglite`, `connectNodePostgres`). */
  client: SqlClient;
  /** The schema holding the tables; created when missing. Defaults to `public`. */
  schema?: string;
  /** Where ids of runs added without one come from. Defaults to the system's. */
  random?: RandomSource;
  /** Attempts per transaction on serialization failures and deadlocks. Defaults to 8. */
  maxAttempts?: number;
  /** The first retry waits up to this many milliseconds, doubling each time. Defaults to 5. */
  retryBaseDelayMs?: number;
  /**
   * How long a transaction keeps retrying a lost connection (the server restarting,
   * its backend terminated) before `ConnectionLostError` reaches the caller. The waits
   * start at 50 ms and double up to 1 s. Defaults to 10 000 ms.
   */
  connectionRetryDeadlineMs?: number;
  /** Whether `close()` closes `client` too. Defaults to true. */
  ownsClient?: boolean;
}

export class PostgresOrionStore implements OrionRunStore {
  readonly #client: SqlClient;
  readonly #tables: PostgresTables;
  readonly #random: RandomSource;
  readonly #maxAttempts: number;
  readonly #retryBaseDelayMs: number;
  readonly #connectionRetryDeadlineMs: number;
  readonly #ownsClient: boolean;
  #retries = 0;

  /**
   * Opens a store: applies the missing migrations to the schema first. Throws
   * `SchemaTooNewError` when the schema is newer than this code.
   */
  static async open(options: PostgresOrionStoreOptions): Promise<PostgresOrionStore> {
    const store = new PostgresOrionStore(options);
    await migrate(options.client, store.schema);
    return store;
  }

  private constructor(options: PostgresOrionStoreOptions) {
    this.#client = options.client;
    this.#tables = postgresTables(options.schema ?? 'public');
    this.#random = options.random ?? systemRandom;
    this.#maxAttempts = options.maxAttempts ?? 8;
    if (!Number.isInteger(this.#maxAttempts) || this.#maxAttempts < 1) {
      throw new TypeError(`maxAttempts must be an integer >= 1, got ${options.maxAttempts}.`);
    }
    this.#retryBaseDelayMs = options.retryBaseDelayMs ?? 5;
    this.#connectionRetryDeadlineMs = options.connectionRetryDeadlineMs ?? 10_000;
    this.#ownsClient = options.ownsClient ?? true;
  }

  /** The schema holding the tables. */
  get schema(): string {
    return this.#tables.schema;
  }

  /** The client statements go through (for tests and maintenance queries). */
  get client(): SqlClient {
    return this.#client;
  }

  /**
   * How many times a transaction of this store was run again after a serialization
   * failure, a deadlock or a lost connection.
   */
  get retries(): number {
    return this.#retries;
  }

  /** How many statements the client has sent (BEGIN and COMMIT included), when it counts. */
  get statements(): number {
    return this.#client.counter?.statements ?? 0;
  }

  /**
   * Runs `work` in a database transaction (see `OrionStore.transaction`). On a
   * serialization failure or a deadlock everything is rolled back and `work` runs
   * again on a fresh session, up to `maxAttempts` times in all; then
   * `TransactionRetriesExhaustedError` is thrown with the last failure as its cause.
   * A connection lost before COMMIT is retried the same way until
   * `connectionRetryDeadlineMs` has passed; then the `ConnectionLostError` is thrown.
   * A connection lost during COMMIT throws `CommitOutcomeUnknownError` at once.
   */
  transaction<T>(work: (session: OrionSession) => MaybePromise<T>): Promise<T> {
    return this.#transaction(work);
  }

  /**
   * Adds a flow run (no state yet) and returns it. The id defaults to a fresh UUID.
   * Throws `InvalidInputError` for a column no store could keep.
   */
  async addFlowRun(init: Partial<FlowRunInit> = {}): Promise<FlowRun> {
    validateFlowRunInit(init);
    const run = createFlowRun({ ...init, id: init.id ?? this.#random.uuid() });
    return this.#transaction((session) => session.insertRun('flow', run));
  }

  /**
   * Adds a task run of flow run `init.flowRunId` (no state yet) and returns it. Throws
   * `InvalidInputError` for a column no store could keep and `ObjectNotFoundError` when
   * the flow run does not exist.
   */
  async addTaskRun(init: Partial<TaskRunInit> & { flowRunId: string }): Promise<TaskRun> {
    validateTaskRunInit(init);
    const run = createTaskRun({ ...init, id: init.id ?? this.#random.uuid() });
    return this.#transaction((session) => session.insertRun('task', run));
  }

  /**
   * Creates the limit for `tag`, or changes an existing one's limit keeping the runs
   * that hold its slots (unless `activeSlots` is given). Throws `InvalidInputError`
   * for a tag, limit or slot list no store could keep.
   */
  async setConcurrencyLimit(
    tag: string,
    concurrencyLimit: number,
    activeSlots?: readonly string[],
  ): Promise<ConcurrencyLimit> {
    validateConcurrencyLimit(tag, concurrencyLimit, activeSlots);
    return this.#transaction(async (session) => {
      const existing = await session.readConcurrencyLimit(tag);
      const slots = activeSlots ?? existing?.activeSlots ?? [];
      const limit = await session.writeConcurrencyLimit({
        tag,
        concurrencyLimit,
        activeSlots: [...new Set(slots)],
      });
      return { ...limit, activeSlots: [...limit.activeSlots] };
    });
  }

  /** Deletes the limit for `tag`, if any. */
  async deleteConcurrencyLimit(tag: string): Promise<void> {
    checkKey(tag, 'tag');
    return this.#transaction((session) => session.deleteConcurrencyLimit(tag));
  }

  /** The committed flow run `id`, or null. */
  async flowRun(id: string): Promise<FlowRun | null> {
    validateRunId(id, 'id');
    const rows = await this.#client.query(`SELECT * FROM ${this.#tables.run.flow} WHERE id = $1`, [
      id,
    ]);
    return rows.length === 0 ? null : flowRunFromRow(rows[0]!);
  }

  /** The committed task run `id`, or null. */
  async taskRun(id: string): Promise<TaskRun | null> {
    validateRunId(id, 'id');
    const rows = await this.#client.query(`SELECT * FROM ${this.#tables.run.task} WHERE id = $1`, [
      id,
    ]);
    return rows.length === 0 ? null : taskRunFromRow(rows[0]!);
  }

  /** The committed limit for `tag`, or null. */
  async concurrencyLimit(tag: string): Promise<ConcurrencyLimit | null> {
    checkKey(tag, 'tag');
    const rows = await this.#client.query(
      `SELECT tag, concurrency_limit, active_slots FROM ${this.#tables.limit} WHERE tag = $1`,
      [tag],
    );
    return rows.length === 0 ? null : limitFromRow(rows[0]!);
  }

  /** The committed state history of a run, oldest first, with result data attached. */
  async stateHistory(kind: RunKind, runId: string): Promise<State[]> {
    validateRunKind(kind);
    validateRunId(runId, 'runId');
    const t = this.#tables;
    const rows = await this.#client.query(
      `SELECT s.id, s.type, s.name, s.timestamp, s.message, s.state_details, a.data
         FROM ${t.state[kind]} s LEFT JOIN ${t.artifact} a ON a.id = s.result_artifact_id
        WHERE s.${t.stateRunColumn[kind]} = $1 ORDER BY s.created_seq`,
      [runId],
    );
    return rows.map(stateFromRow);
  }

  /** The committed cache entries, in insertion order. */
  async cacheEntries(): Promise<CacheEntry[]> {
    const rows = await this.#client.query(
      `SELECT cache_key, cache_expiration, task_run_state_id, created FROM ${this.#tables.cache} ORDER BY id`,
    );
    return rows.map(cacheEntryFromRow);
  }

  /**
   * Every committed row (for tests and debugging), each table in insertion order, in
   * the shape of `InMemoryOrionStore.contents()`; artifact ids read `artifact-<n>`.
   */
  async contents(): Promise<OrionStoreContents> {
    const t = this.#tables;
    const q = (sql: string) => this.#client.query(sql);
    const states: StateRow[] = [];
    for (const kind of ['flow', 'task'] as const) {
      const rows = await q(
        `SELECT s.id, s.type, s.name, s.timestamp, s.message, s.state_details, NULL AS data,
                s.${t.stateRunColumn[kind]} AS run_id, 'artifact-' || s.result_artifact_id AS artifact_id
           FROM ${t.state[kind]} s ORDER BY s.created_seq`,
      );
      for (const row of rows) {
        states.push({
          runKind: kind,
          runId: row['run_id'] as string,
          state: stateFromRow(row),
          resultArtifactId: (row['artifact_id'] as string | null) ?? null,
        });
      }
    }
    const artifacts = await q(
      `SELECT 'artifact-' || id AS id, run_kind, run_id, data FROM ${t.artifact} ORDER BY id`,
    );
    return {
      flowRuns: (await q(`SELECT * FROM ${t.run.flow} ORDER BY created_seq`)).map(flowRunFromRow),
      taskRuns: (await q(`SELECT * FROM ${t.run.task} ORDER BY created_seq`)).map(taskRunFromRow),
      states,
      artifacts: artifacts.map((row) => ({
        id: row['id'] as string,
        runKind: row['run_kind'] as RunKind,
        runId: row['run_id'] as string,
        data: row['data'],
      })),
      cacheEntries: await this.cacheEntries(),
      concurrencyLimits: (
        await q(`SELECT tag, concurrency_limit, active_slots FROM ${t.limit} ORDER BY tag`)
      ).map(limitFromRow),
    };
  }

  /** Closes the client when the store owns it. */
  async close(): Promise<void> {
    if (this.#ownsClient) await this.#client.close();
  }

  async #transaction<T>(work: (session: PostgresSession) => MaybePromise<T>): Promise<T> {
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#client.transaction(async (tx) => {
          const session = new PostgresSession(tx, this.#tables);
          try {
            const result = await work(session);
            // Whatever `work` made of a failed session call (orchestration turns store
            // errors into ABORT), the transaction must not commit half of it.
            if (session.failed) throw session.failure;
            await session.flush();
            return result;
          } finally {
            session.close();
          }
        });
      } catch (error) {
        const lost = error instanceof ConnectionLostError;
        if (!lost && !isRetryable(error)) throw error;
        const pastDeadline = lost && Date.now() - started >= this.#connectionRetryDeadlineMs;
        if (attempt >= this.#maxAttempts || pastDeadline) {
          if (lost) throw error;
          throw new TransactionRetriesExhaustedError(
            `A store transaction failed ${attempt} times on a serialization failure or deadlock (last: ${(error as Error).message}) and was rolled back each time: reduce contention on the same runs and tags, or raise maxAttempts (now ${this.#maxAttempts}).`,
            { cause: error },
          );
        }
        this.#retries++;
        await sleep(retryDelayMs(attempt, lost ? 50 : this.#retryBaseDelayMs));
      }
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
