/**
 * `PostgresSession`: the unit of work of `PostgresOrionStore`, inside one database
 * transaction. Runs and limits are read `FOR UPDATE` (locked until the transaction
 * ends) into an identity map: every read of a row returns the same working copy, which
 * rules mutate in place, and `flush` writes back the copies that changed. States,
 * artifacts, cache entries and new runs are inserted at once, inside the transaction.
 * A session whose transaction rolls back leaves no trace.
 */
import { copyState, type State } from '../../state.ts';
import type { FlowRun } from '../runs/flow-run.ts';
import type { RunKind } from '../runs/run-kind.ts';
import type { TaskRun } from '../runs/task-run.ts';
import type { ConcurrencyLimit } from '../store/concurrency-limits.ts';
import type { OrionSession } from '../store/orion-session.ts';
import type { CacheEntry } from '../store/task-run-state-cache.ts';
import type { PostgresTables } from './postgres-tables.ts';
import {
  cacheEntryFromRow,
  flowRunFromRow,
  limitFromRow,
  placeholder,
  RUN_COLUMNS,
  runParams,
  snapshot,
  stateFromRow,
  taskRunFromRow,
} from './run-rows.ts';
import { sqlState, type SqlQueryable } from './sql-client.ts';
import { sessionClosedError } from '../store/session-closed-error.ts';
import { unknownFlowRunError } from '../validation/unknown-flow-run-error.ts';

/** A working copy and the snapshot of what the database holds for it. */
interface Tracked<T> {
  value: T;
  stored: string;
}

export class PostgresSession implements OrionSession {
  readonly #tx: SqlQueryable;
  readonly #t: PostgresTables;
  readonly #runs: Record<RunKind, Map<string, Tracked<FlowRun | TaskRun>>> = {
    flow: new Map(),
    task: new Map(),
  };
  /** State rows read along with their runs, by kind and id (never handed out: copies are). */
  readonly #currentStates: Record<RunKind, Map<string, State>> = {
    flow: new Map(),
    task: new Map(),
  };
  /** Working copies of limits; null marks a tag known to have no limit. */
  readonly #limits = new Map<string, Tracked<ConcurrencyLimit> | null>();
  #open = true;
  /** The first database error (one with a SQLSTATE): the transaction is then unusable and must roll back. */
  #failure: unknown = undefined;

  constructor(tx: SqlQueryable, tables: PostgresTables) {
    this.#tx = tx;
    this.#t = tables;
  }

  /** The first statement that failed in this session (its driver error), if any. */
  get failure(): unknown {
    return this.#failure;
  }

  async readFlowRun(id: string): Promise<FlowRun | null> {
    return (await this.#readRun('flow', id)) as FlowRun | null;
  }

  async readTaskRun(id: string): Promise<TaskRun | null> {
    return (await this.#readRun('task', id)) as TaskRun | null;
  }

  async readTaskRunsOfFlow(flowRunId: string): Promise<TaskRun[]> {
    const rows = await this.#query(
      `SELECT * FROM ${this.#t.run.task} WHERE flow_run_id = $1 ORDER BY created_seq FOR UPDATE`,
      [flowRunId],
    );
    return rows.map((row) => this.#track('task', taskRunFromRow(row)) as TaskRun);
  }

  async readState(kind: RunKind, stateId: string): Promise<State | null> {
    const known = this.#currentStates[kind].get(stateId);
    if (known !== undefined) return copyState(known);
    const rows = await this.#query(
      `SELECT s.id, s.type, s.name, s.timestamp, s.message, s.state_details, a.data
         FROM ${this.#t.state[kind]} s LEFT JOIN ${this.#t.artifact} a ON a.id = s.result_artifact_id
        WHERE s.id = $1`,
      [stateId],
    );
    return rows.length === 0 ? null : stateFromRow(rows[0]!);
  }

  async insertRunState(kind: RunKind, runId: string, state: State): Promise<State> {
    const run = await this.#readRun(kind, runId);
    if (run === null) {
      throw new Error(
        `Cannot store a state for ${kind} run ${runId}: there is no such run in the store.`,
      );
    }
    const hasData = state.data !== null && state.data !== undefined;
    const stored = copyState(state);
    stored.data = null;
    // One statement: the artifact (when there is data) and the state row, skipped when
    // the id is taken (a failed INSERT would poison the whole transaction).
    const rows = await this.#query(
      `WITH artifact AS (
         INSERT INTO ${this.#t.artifact} (run_kind, run_id, data)
         SELECT $2, $3, $4::jsonb WHERE $5::boolean
         RETURNING id
       )
       INSERT INTO ${this.#t.state[kind]}
         (id, ${this.#t.stateRunColumn[kind]}, type, name, timestamp, message, state_details, result_artifact_id)
       SELECT $1, $3, $6, $7, $8, $9, $10::jsonb, (SELECT id FROM artifact)
        WHERE NOT EXISTS (SELECT 1 FROM ${this.#t.state.flow} WHERE id = $1)
          AND NOT EXISTS (SELECT 1 FROM ${this.#t.state.task} WHERE id = $1)
       ON CONFLICT (id) DO NOTHING
       RETURNING id`,
      [
        state.id,
        kind,
        runId,
        hasData ? JSON.stringify(state.data) : null,
        hasData,
        stored.type,
        stored.name,
        stored.timestamp,
        stored.message,
        JSON.stringify(stored.stateDetails),
      ],
    );
    if (rows.length === 0) {
      throw new Error(
        `Cannot store state ${state.id} for ${kind} run ${runId}: a state with that id already exists.`,
      );
    }
    run.stateId = state.id;
    const validated = copyState(stored);
    validated.data = hasData ? state.data : null;
    return validated;
  }

  async readRunStates(kind: RunKind, runId: string): Promise<State[]> {
    // Inside the transaction: this session's own inserts are visible to it.
    const rows = await this.#query(
      `SELECT s.id, s.type, s.name, s.timestamp, s.message, s.state_details, a.data
         FROM ${this.#t.state[kind]} s LEFT JOIN ${this.#t.artifact} a ON a.id = s.result_artifact_id
        WHERE s.${this.#t.stateRunColumn[kind]} = $1 ORDER BY s.created_seq`,
      [runId],
    );
    return rows.map(stateFromRow);
  }

  insertFlowRun(run: FlowRun): Promise<FlowRun> {
    return this.insertRun('flow', run);
  }

  insertTaskRun(run: TaskRun): Promise<TaskRun> {
    return this.insertRun('task', run);
  }

  async readCacheEntry(cacheKey: string, now: Date): Promise<CacheEntry | null> {
    const rows = await this.#query(
      `SELECT cache_key, cache_expiration, task_run_state_id, created FROM ${this.#t.cache}
        WHERE cache_key = $1 AND (cache_expiration IS NULL OR cache_expiration > $2)
        ORDER BY created DESC, id DESC LIMIT 1`,
      [cacheKey, now],
    );
    return rows.length === 0 ? null : cacheEntryFromRow(rows[0]!);
  }

  async insertCacheEntry(entry: CacheEntry): Promise<void> {
    await this.#query(
      `INSERT INTO ${this.#t.cache} (cache_key, cache_expiration, task_run_state_id, created)
       VALUES ($1, $2, $3, $4)`,
      [entry.cacheKey, entry.cacheExpiration, entry.taskRunStateId, entry.created],
    );
  }

  async readConcurrencyLimits(tags: readonly string[]): Promise<ConcurrencyLimit[]> {
    const sorted = [...new Set(tags)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const unread = sorted.filter((tag) => !this.#limits.has(tag));
    if (unread.length > 0) {
      // Locked in tag order (the column sorts by code unit: COLLATE "C"), so two
      // transactions that need overlapping tags queue instead of deadlocking.
      const rows = await this.#query(
        `SELECT tag, concurrency_limit, active_slots FROM ${this.#t.limit}
          WHERE tag = ANY($1::text[]) ORDER BY tag FOR UPDATE`,
        [unread],
      );
      for (const tag of unread) this.#limits.set(tag, null);
      for (const row of rows) this.#trackLimit(limitFromRow(row));
    }
    return sorted
      .map((tag) => this.#limits.get(tag)?.value ?? null)
      .filter((limit): limit is ConcurrencyLimit => limit !== null);
  }

  async readConcurrencyLimit(tag: string): Promise<ConcurrencyLimit | null> {
    return (await this.readConcurrencyLimits([tag]))[0] ?? null;
  }

  /**
   * Adds a new run of `kind` and returns the session's working copy of it. A task run
   * whose flow run does not exist throws `ObjectNotFoundError` (the transaction is
   * then unusable, as after any failed statement).
   */
  async insertRun<R extends FlowRun | TaskRun>(kind: RunKind, run: R): Promise<R> {
    const columns = RUN_COLUMNS[kind];
    const rows = await this.#query(
      `INSERT INTO ${this.#t.run[kind]} (${columns.map((c) => c.column).join(', ')})
       VALUES (${columns.map(placeholder).join(', ')})
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      runParams(kind, run),
    ).catch((error: unknown) => {
      // The only foreign key of a run table: task_run.flow_run_id.
      if (kind === 'task' && sqlState(error) === '23503')
        throw unknownFlowRunError(run.id, (run as TaskRun).flowRunId, error);
      throw error;
    });
    if (rows.length === 0) throw new Error(`A ${kind} run with id ${run.id} already exists.`);
    return this.#track(kind, run) as R;
  }

  /** Creates or replaces the limit of `limit.tag` (not part of the port). */
  async writeConcurrencyLimit(limit: ConcurrencyLimit): Promise<ConcurrencyLimit> {
    await this.#query(
      `INSERT INTO ${this.#t.limit} (tag, concurrency_limit, active_slots) VALUES ($1, $2, $3::text[])
       ON CONFLICT (tag) DO UPDATE SET concurrency_limit = EXCLUDED.concurrency_limit,
         active_slots = EXCLUDED.active_slots`,
      [limit.tag, limit.concurrencyLimit, limit.activeSlots],
    );
    return this.#trackLimit({ ...limit, activeSlots: [...limit.activeSlots] });
  }

  /** Deletes the limit of `tag`, if any (not part of the port). */
  async deleteConcurrencyLimit(tag: string): Promise<void> {
    await this.#query(`DELETE FROM ${this.#t.limit} WHERE tag = $1`, [tag]);
    this.#limits.set(tag, null);
  }

  /** Writes back every working copy that changed since it was read. */
  async flush(): Promise<void> {
    for (const kind of ['flow', 'task'] as const) {
      const columns = RUN_COLUMNS[kind];
      for (const tracked of this.#runs[kind].values()) {
        const params = runParams(kind, tracked.value);
        if (snapshot(params) === tracked.stored) continue;
        const sets = columns
          .slice(1)
          .map((column, index) => `${column.column} = ${placeholder(column, index + 1)}`);
        await this.#query(
          `UPDATE ${this.#t.run[kind]} SET ${sets.join(', ')} WHERE id = $1`,
          params,
        );
        tracked.stored = snapshot(params);
      }
    }
    for (const tracked of this.#limits.values()) {
      if (tracked === null) continue;
      const limit = tracked.value;
      if (snapshot(limit) === tracked.stored) continue;
      await this.#query(
        `UPDATE ${this.#t.limit} SET concurrency_limit = $2, active_slots = $3::text[] WHERE tag = $1`,
        [limit.tag, limit.concurrencyLimit, limit.activeSlots],
      );
      tracked.stored = snapshot(limit);
    }
  }

  /** Ends the session: any later use throws. */
  close(): void {
    this.#open = false;
  }

  async #readRun(kind: RunKind, id: string): Promise<FlowRun | TaskRun | null> {
    const tracked = this.#runs[kind].get(id);
    if (tracked !== undefined) return tracked.value;
    // The run's current state comes along (state rows never change), saving the
    // round trip of the `readState` that follows nearly every run read.
    const t = this.#t;
    const rows = await this.#query(
      `SELECT r.*, s.type AS current_type, s.name AS current_name, s.timestamp AS current_timestamp,
              s.message AS current_message, s.state_details AS current_state_details, a.data AS current_data
         FROM ${t.run[kind]} r
         LEFT JOIN ${t.state[kind]} s ON s.id = r.state_id
         LEFT JOIN ${t.artifact} a ON a.id = s.result_artifact_id
        WHERE r.id = $1 FOR UPDATE OF r`,
      [id],
    );
    const row = rows[0];
    if (row === undefined) return null;
    if (row['state_id'] !== null && row['current_type'] !== null) {
      const current = stateFromRow({
        id: row['state_id'],
        type: row['current_type'],
        name: row['current_name'],
        timestamp: row['current_timestamp'],
        message: row['current_message'],
        state_details: row['current_state_details'],
        data: row['current_data'],
      });
      this.#currentStates[kind].set(current.id, current);
    }
    return this.#track(kind, kind === 'flow' ? flowRunFromRow(row) : taskRunFromRow(row));
  }

  /** Adds a run to the identity map (keeping the copy already there) and returns the copy. */
  #track(kind: RunKind, run: FlowRun | TaskRun): FlowRun | TaskRun {
    const known = this.#runs[kind].get(run.id);
    if (known !== undefined) return known.value;
    this.#runs[kind].set(run.id, { value: run, stored: snapshot(runParams(kind, run)) });
    return run;
  }

  #trackLimit(limit: ConcurrencyLimit): ConcurrencyLimit {
    this.#limits.set(limit.tag, { value: limit, stored: snapshot(limit) });
    return limit;
  }

  async #query(sql: string, params: readonly unknown[]): Promise<Record<string, unknown>[]> {
    if (!this.#open) {
      throw sessionClosedError();
    }
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- re-throws, unchanged, the store failure recorded earlier in this transaction (any value)
    if (this.#failure !== undefined) throw this.#failure;
    try {
      return await this.#tx.query(sql, params);
    } catch (error) {
      // Only a database error aborts the transaction (a driver's own, such as an
      // unserialisable parameter, never reached the server).
      if (sqlState(error) !== undefined) this.#failure = error;
      throw error;
    }
  }
}
