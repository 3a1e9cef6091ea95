/**
 * `PostgresSession`: the unit of work of `PostgresOrionStore`, inside one database
 * transaction, in as few statements as it can: a transition reads what it needs in one
 * statement and writes in one more (`flush`).
 *
 * Reads: runs are read into an identity map (every read of a row returns the same
 * working copy, which rules change in place). The run a transition is about is locked
 * (`FOR UPDATE`) with its current state, in one statement. A flow run read once a task
 * run is locked (a task transition's parent, read only when a rule asks) is read
 * without a lock, as Prefect's server does: a task transition only reads its flow run,
 * so a task whose limit is held elsewhere does not stall the other tasks of its flow.
 * (Joining the flow run into every task run's read saved a statement but cost more
 * than it saved: the wider join is planned on every call.) Limits are locked when a
 * rule reads them, in tag order. Lock order is always flow run, task runs, limits (tags in
 * code unit order), so transactions queue rather than deadlock.
 *
 * Writes: states, artifacts and cache entries are kept until `flush`, which writes them
 * together with the runs and limits that changed, in one statement; a read that could
 * see them writes them first. A run read without a lock that a rule changed is locked
 * and checked at `flush`: if another transaction changed it meanwhile, the flush fails
 * as a serialization failure (SQLSTATE 40001) and the store runs the work again.
 *
 * Any error a method throws (a database error, or one thrown before the database was
 * reached, such as data `JSON.stringify` refuses) marks the session failed: the store
 * then rolls the transaction back whatever the caller made of the error (the engine
 * turns store errors into ABORT). A session whose transaction rolls back leaves no trace.
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
  RUN_COLUMNS,
  runParams,
  snapshot,
  stateFromRow,
  taskRunFromRow,
} from './run-rows.ts';
import { sqlState, type SqlQueryable } from './sql-client.ts';
import { sessionClosedError } from '../store/session-closed-error.ts';
import { unknownFlowRunError } from '../validation/unknown-flow-run-error.ts';
import { assertStorableData } from '../validation/assert-storable-data.ts';

type Row = Record<string, unknown>;

/** A working copy, the snapshot of what the database holds for it, and whether it is locked. */
interface Tracked<T> {
  value: T;
  stored: string;
  locked: boolean;
}

/** A state waiting for `flush`. */
interface PendingState {
  kind: RunKind;
  runId: string;
  state: State;
  data: string | null;
}

/** The columns of a state row, read with the prefix `p` from the alias `s` and the artifact `a`. */
function stateColumns(s: string, a: string, prefix: string): string {
  return ['type', 'name', 'timestamp', 'message', 'state_details']
    .map((column) => `${s}.${column} AS "${prefix}${column}"`)
    .concat(`${a}.data AS "${prefix}data"`)
    .join(', ');
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
  #pendingStates: PendingState[] = [];
  #pendingCache: CacheEntry[] = [];
  #open = true;
  /** The first error a method threw: the transaction must then roll back. */
  #failure: unknown = undefined;
  #failed = false;

  constructor(tx: SqlQueryable, tables: PostgresTables) {
    this.#tx = tx;
    this.#t = tables;
  }

  /** Whether a method of this session threw (the transaction must not commit). */
  get failed(): boolean {
    return this.#failed;
  }

  /** The first error a method of this session threw, if any. */
  get failure(): unknown {
    return this.#failure;
  }

  readFlowRun(id: string): Promise<FlowRun | null> {
    return this.#guard(async () => (await this.#readRun('flow', id)) as FlowRun | null);
  }

  readTaskRun(id: string): Promise<TaskRun | null> {
    return this.#guard(async () => (await this.#readRun('task', id)) as TaskRun | null);
  }

  readTaskRunsOfFlow(flowRunId: string): Promise<TaskRun[]> {
    return this.#guard(async () => {
      const rows = await this.#read(
        `SELECT * FROM ${this.#t.run.task} WHERE flow_run_id = $1 ORDER BY created_seq FOR UPDATE`,
        [flowRunId],
      );
      return rows.map((row) => this.#track('task', taskRunFromRow(row), true) as TaskRun);
    });
  }

  readState(kind: RunKind, stateId: string): Promise<State | null> {
    return this.#guard(async () => {
      const known = this.#currentStates[kind].get(stateId);
      if (known !== undefined) return copyState(known);
      const rows = await this.#read(
        `SELECT s.id, s.type, s.name, s.timestamp, s.message, s.state_details, a.data
           FROM ${this.#t.state[kind]} s LEFT JOIN ${this.#t.artifact} a ON a.id = s.result_artifact_id
          WHERE s.id = $1`,
        [stateId],
      );
      return rows.length === 0 ? null : stateFromRow(rows[0]!);
    });
  }

  insertRunState(kind: RunKind, runId: string, state: State): Promise<State> {
    return this.#guard(async () => {
      const run = await this.#readRun(kind, runId);
      if (run === null) {
        throw new Error(
          `Cannot store a state for ${kind} run ${runId}: there is no such run in the store.`,
        );
      }
      const hasData = state.data !== null && state.data !== undefined;
      // Data a rule produced is checked as a proposal's is: a typed error naming the path.
      if (hasData) assertStorableData(state.data, 'state.data');
      const stored = copyState(state);
      stored.data = null;
      // Serialised now, so data JSON cannot hold fails this call (and the transaction).
      const data = hasData ? JSON.stringify(state.data) : null;
      if (this.#pendingStates.some((pending) => pending.state.id === state.id)) {
        throw duplicateState(kind, runId, state.id);
      }
      this.#pendingStates.push({ kind, runId, state: stored, data });
      run.stateId = state.id;
      const validated = copyState(stored);
      validated.data = hasData ? state.data : null;
      return validated;
    });
  }

  readRunStates(kind: RunKind, runId: string): Promise<State[]> {
    return this.#guard(async () => {
      // Inside the transaction: this session's own inserts are visible to it.
      const rows = await this.#read(
        `SELECT s.id, s.type, s.name, s.timestamp, s.message, s.state_details, a.data
           FROM ${this.#t.state[kind]} s LEFT JOIN ${this.#t.artifact} a ON a.id = s.result_artifact_id
          WHERE s.${this.#t.stateRunColumn[kind]} = $1 ORDER BY s.created_seq`,
        [runId],
      );
      return rows.map(stateFromRow);
    });
  }

  insertFlowRun(run: FlowRun): Promise<FlowRun> {
    return this.insertRun('flow', run);
  }

  insertTaskRun(run: TaskRun): Promise<TaskRun> {
    return this.insertRun('task', run);
  }

  readCacheEntry(cacheKey: string, now: Date): Promise<CacheEntry | null> {
    return this.#guard(async () => {
      const rows = await this.#read(
        `SELECT cache_key, cache_expiration, task_run_state_id, created FROM ${this.#t.cache}
          WHERE cache_key = $1 AND (cache_expiration IS NULL OR cache_expiration > $2)
          ORDER BY created DESC, id DESC LIMIT 1`,
        [cacheKey, now],
      );
      return rows.length === 0 ? null : cacheEntryFromRow(rows[0]!);
    });
  }

  insertCacheEntry(entry: CacheEntry): Promise<void> {
    return this.#guard(async () => {
      this.#usable();
      this.#pendingCache.push({ ...entry });
    });
  }

  readConcurrencyLimits(tags: readonly string[]): Promise<ConcurrencyLimit[]> {
    return this.#guard(async () => {
      const sorted = [...new Set(tags)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const unread = sorted.filter((tag) => !this.#limits.has(tag));
      if (unread.length > 0) {
        // Locked in tag order (the column sorts by code unit: COLLATE "C"), so two
        // transactions that need overlapping tags queue instead of deadlocking.
        const rows = await this.#read(
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
    });
  }

  async readConcurrencyLimit(tag: string): Promise<ConcurrencyLimit | null> {
    return (await this.readConcurrencyLimits([tag]))[0] ?? null;
  }

  /**
   * Adds a new run of `kind` and returns the session's working copy of it. A task run
   * whose flow run does not exist throws `ObjectNotFoundError` (the transaction is
   * then unusable, as after any failed statement).
   */
  insertRun<R extends FlowRun | TaskRun>(kind: RunKind, run: R): Promise<R> {
    return this.#guard(async () => {
      const columns = RUN_COLUMNS[kind];
      const rows = await this.#read(
        `INSERT INTO ${this.#t.run[kind]} (${columns.map((c) => c.column).join(', ')})
         VALUES (${columns.map((c, index) => `$${index + 1}${cast(c.kind)}`).join(', ')})
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        runParams(kind, run),
      ).catch((error: unknown) => {
        // The only foreign key of a run table: task_run.flow_run_id.
        if (kind === 'task' && sqlState(error) === '23503')
          throw unknownFlowRunError(run.id, (run as TaskRun).flowRunId, error);
        throw error;
      });
      if (rows.length === 0) throw new Error(`A ${kind} run with id ${run.id} already exists.`);
      return this.#track(kind, run, true) as R;
    });
  }

  /** Creates or replaces the limit of `limit.tag` (not part of the port). */
  writeConcurrencyLimit(limit: ConcurrencyLimit): Promise<ConcurrencyLimit> {
    return this.#guard(async () => {
      await this.#read(
        `INSERT INTO ${this.#t.limit} (tag, concurrency_limit, active_slots) VALUES ($1, $2, $3::text[])
         ON CONFLICT (tag) DO UPDATE SET concurrency_limit = EXCLUDED.concurrency_limit,
           active_slots = EXCLUDED.active_slots`,
        [limit.tag, limit.concurrencyLimit, limit.activeSlots],
      );
      return this.#trackLimit({ ...limit, activeSlots: [...limit.activeSlots] });
    });
  }

  /** Deletes the limit of `tag`, if any (not part of the port). */
  deleteConcurrencyLimit(tag: string): Promise<void> {
    return this.#guard(async () => {
      await this.#read(`DELETE FROM ${this.#t.limit} WHERE tag = $1`, [tag]);
      this.#limits.set(tag, null);
    });
  }

  /**
   * Writes the pending states, artifacts and cache entries and every working copy that
   * changed since it was read, in one statement (none when nothing changed).
   */
  flush(): Promise<void> {
    return this.#guard(() => this.#flush());
  }

  /** Ends the session: any later use throws. */
  close(): void {
    this.#open = false;
  }

  async #flush(): Promise<void> {
    this.#usable();
    const batch = new StatementBatch();
    const t = this.#t;
    const stateChecks: { cte: string; pending: PendingState }[] = [];
    for (const pending of this.#pendingStates) {
      const { kind, runId, state, data } = pending;
      const id = batch.param(state.id);
      const run = batch.param(runId);
      let artifact = 'NULL::bigint';
      if (data !== null) {
        const cte = batch.cte(
          `INSERT INTO ${t.artifact} (run_kind, run_id, data) VALUES (${batch.param(kind)}, ${run}, ${batch.param(data)}::jsonb) RETURNING id`,
        );
        artifact = `(SELECT id FROM ${cte})`;
      }
      const cte = batch.cte(
        `INSERT INTO ${t.state[kind]}
           (id, ${t.stateRunColumn[kind]}, type, name, timestamp, message, state_details, result_artifact_id)
         SELECT ${id}::text, ${run}::text, ${batch.param(state.type)}::text, ${batch.param(state.name)}::text,
                ${batch.param(state.timestamp)}::timestamptz, ${batch.param(state.message)}::text,
                ${batch.param(JSON.stringify(state.stateDetails))}::jsonb, ${artifact}
          WHERE NOT EXISTS (SELECT 1 FROM ${t.state.flow} WHERE id = ${id}::text)
            AND NOT EXISTS (SELECT 1 FROM ${t.state.task} WHERE id = ${id}::text)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
      );
      stateChecks.push({ cte, pending });
    }
    for (const entry of this.#pendingCache) {
      batch.cte(
        `INSERT INTO ${t.cache} (cache_key, cache_expiration, task_run_state_id, created)
         VALUES (${batch.param(entry.cacheKey)}, ${batch.param(entry.cacheExpiration)}::timestamptz,
                 ${batch.param(entry.taskRunStateId)}, ${batch.param(entry.created)}::timestamptz)
         RETURNING 1`,
      );
    }
    const written: (() => void)[] = [];
    for (const kind of ['flow', 'task'] as const) {
      const columns = RUN_COLUMNS[kind];
      for (const tracked of this.#runs[kind].values()) {
        const params = runParams(kind, tracked.value);
        const now = snapshot(params);
        if (now === tracked.stored) continue;
        if (!tracked.locked) await this.#lockUnchanged(kind, tracked);
        const sets = columns
          .slice(1)
          .map(
            (column, index) =>
              `${column.column} = ${batch.param(params[index + 1])}${cast(column.kind)}`,
          );
        batch.cte(
          `UPDATE ${t.run[kind]} SET ${sets.join(', ')} WHERE id = ${batch.param(params[0])} RETURNING 1`,
        );
        written.push(() => (tracked.stored = now));
      }
    }
    for (const tracked of this.#limits.values()) {
      if (tracked === null) continue;
      const limit = tracked.value;
      const now = snapshot(limit);
      if (now === tracked.stored) continue;
      batch.cte(
        `UPDATE ${t.limit} SET concurrency_limit = ${batch.param(limit.concurrencyLimit)},
           active_slots = ${batch.param(limit.activeSlots)}::text[] WHERE tag = ${batch.param(limit.tag)} RETURNING 1`,
      );
      written.push(() => (tracked.stored = now));
    }
    if (batch.empty) return;
    const checks = stateChecks.map(
      ({ cte }, index) => `(SELECT count(*) FROM ${cte})::int AS s${index}`,
    );
    const rows = await this.#query(
      batch.sql(checks.length > 0 ? checks.join(', ') : '1 AS done'),
      batch.params,
    );
    stateChecks.forEach(({ pending }, index) => {
      if (rows[0]![`s${index}`] !== 1)
        throw duplicateState(pending.kind, pending.runId, pending.state.id);
    });
    this.#pendingStates = [];
    this.#pendingCache = [];
    for (const done of written) done();
  }

  /**
   * Locks a run read without a lock, before writing it: fails as a serialization
   * failure when another transaction changed it since it was read.
   */
  async #lockUnchanged(kind: RunKind, tracked: Tracked<FlowRun | TaskRun>): Promise<void> {
    const rows = await this.#query(`SELECT * FROM ${this.#t.run[kind]} WHERE id = $1 FOR UPDATE`, [
      tracked.value.id,
    ]);
    const fresh = rows[0] === undefined ? undefined : fromRow(kind, rows[0]);
    if (fresh === undefined || snapshot(runParams(kind, fresh)) !== tracked.stored) {
      throw Object.assign(
        new Error(
          `The ${kind} run ${tracked.value.id} changed in another transaction since this one read it.`,
        ),
        { code: '40001' },
      );
    }
    tracked.locked = true;
  }

  async #readRun(kind: RunKind, id: string): Promise<FlowRun | TaskRun | null> {
    const tracked = this.#runs[kind].get(id);
    if (tracked !== undefined) return tracked.value;
    // A flow run read once a task run is locked is that task transition's parent: read,
    // not locked (as Prefect's server does; locking it after the task run would also
    // invert the lock order). Every other run read is locked.
    const lock = kind === 'task' || ![...this.#runs.task.values()].some((run) => run.locked);
    const t = this.#t;
    const rows = await this.#read(
      `SELECT r.*, ${stateColumns('s', 'a', 'current.')}
         FROM ${t.run[kind]} r
         LEFT JOIN ${t.state[kind]} s ON s.id = r.state_id
         LEFT JOIN ${t.artifact} a ON a.id = s.result_artifact_id
        WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`,
      [id],
    );
    const row = rows[0];
    if (row === undefined) return null;
    this.#rememberState(kind, row['state_id'], row, 'current.');
    return this.#track(kind, fromRow(kind, row), lock);
  }

  #rememberState(kind: RunKind, stateId: unknown, row: Row, prefix: string): void {
    if (stateId === null || row[`${prefix}type`] === null) return;
    const state = stateFromRow({ id: stateId, ...unprefixed(row, prefix) });
    this.#currentStates[kind].set(state.id, state);
  }

  /** Adds a run to the identity map (keeping the copy already there) and returns the copy. */
  #track(kind: RunKind, run: FlowRun | TaskRun, locked: boolean): FlowRun | TaskRun {
    const known = this.#runs[kind].get(run.id);
    if (known !== undefined) {
      known.locked ||= locked;
      return known.value;
    }
    this.#runs[kind].set(run.id, { value: run, stored: snapshot(runParams(kind, run)), locked });
    return run;
  }

  #trackLimit(limit: ConcurrencyLimit): ConcurrencyLimit {
    this.#limits.set(limit.tag, { value: limit, stored: snapshot(limit), locked: true });
    return limit;
  }

  /** Runs `body`, marking the session failed when it throws. */
  async #guard<T>(body: () => Promise<T>): Promise<T> {
    try {
      this.#usable();
      return await body();
    } catch (error) {
      if (!this.#failed) {
        this.#failed = true;
        this.#failure = error;
      }
      throw error;
    }
  }

  #usable(): void {
    if (!this.#open) {
      throw sessionClosedError();
    }
    if (this.#failed) throw this.#failure;
  }

  /** A statement that may read this session's pending writes: they are written first. */
  async #read(sql: string, params: readonly unknown[]): Promise<Row[]> {
    if (this.#pendingStates.length > 0 || this.#pendingCache.length > 0) await this.#flush();
    return this.#query(sql, params);
  }

  #query(sql: string, params: readonly unknown[]): Promise<Row[]> {
    this.#usable();
    return this.#tx.query(sql, params);
  }
}

/**
 * One statement made of data-modifying CTEs (each runs exactly once, whether or not
 * the final SELECT reads it), with its parameters.
 */
class StatementBatch {
  readonly params: unknown[] = [];
  readonly #ctes: string[] = [];

  get empty(): boolean {
    return this.#ctes.length === 0;
  }

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** Adds a CTE and returns its name. */
  cte(sql: string): string {
    const name = `w${this.#ctes.length}`;
    this.#ctes.push(`${name} AS (${sql})`);
    return name;
  }

  sql(select: string): string {
    return `WITH ${this.#ctes.join(',\n')}\nSELECT ${select}`;
  }
}

function cast(kind: 'value' | 'json' | 'array'): string {
  return kind === 'json' ? '::jsonb' : kind === 'array' ? '::text[]' : '';
}

function fromRow(kind: RunKind, row: Row): FlowRun | TaskRun {
  return kind === 'flow' ? flowRunFromRow(row) : taskRunFromRow(row);
}

/** The columns of `row` whose names start with `prefix`, without it. */
function unprefixed(row: Row, prefix: string): Row {
  const result: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith(prefix)) result[key.slice(prefix.length)] = value;
  }
  return result;
}

function duplicateState(kind: RunKind, runId: string, stateId: string): Error {
  return new Error(
    `Cannot store state ${stateId} for ${kind} run ${runId}: a state with that id already exists.`,
  );
}
