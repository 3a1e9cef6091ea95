/**
 * `InMemorySession`: the unit of work of `InMemoryOrionStore`. It copies each run and
 * limit on first read into an identity map (so every read of a row in the session
 * returns the same working copy, which rules mutate in place), buffers inserts, and on
 * `commit` puts the working copies themselves into the committed tables (no second
 * copy: the session is closed by then, so nothing it handed out is used again). A
 * session that is never committed leaves the tables untouched: that is the rollback,
 * and no read of committed data ever sees what an open or failed transaction wrote.
 *
 * Every method answers synchronously (the port allows it), so an orchestration over
 * this store needs no promise. State rows are immutable once committed: reads return
 * copies of them, as the port requires.
 */
import { copyState, type State } from '../../state.ts';
import { copyFlowRun, type FlowRun } from '../runs/flow-run.ts';
import type { RunKind } from '../runs/run-kind.ts';
import { copyTaskRun, type TaskRun } from '../runs/task-run.ts';
import type { ConcurrencyLimit } from './concurrency-limits.ts';
import {
  cloneCacheEntry,
  cloneLimit,
  type InMemoryTables,
  type ResultArtifact,
  type StateRow,
} from './in-memory-tables.ts';
import type { OrionSession } from './orion-session.ts';
import type { CacheEntry } from './task-run-state-cache.ts';
import { sessionClosedError } from './session-closed-error.ts';
import { unknownFlowRunError } from '../validation/unknown-flow-run-error.ts';
import { assertStorableData } from '../validation/assert-storable-data.ts';

/** The shared stand-in for a map this session has not written yet: never written to. */
const EMPTY: Map<never, never> = new Map<never, never>();

export class InMemorySession implements OrionSession {
  readonly #tables: InMemoryTables;
  // What this session read or wrote. Most transactions touch one or two kinds of row,
  // so each map is created on first write (EMPTY stands in until then).
  #flowRuns: Map<string, FlowRun> = EMPTY;
  #taskRuns: Map<string, TaskRun> = EMPTY;
  /** Working copies of limits; null marks a limit deleted in this session. */
  #limits: Map<string, ConcurrencyLimit | null> = EMPTY;
  #states: Map<string, StateRow> = EMPTY;
  #artifacts: Map<string, ResultArtifact> = EMPTY;
  #cacheEntries: CacheEntry[] | null = null;
  #nextArtifact: number;
  #open = true;
  /**
   * The first error a write of this session threw, if any. Whatever the caller made of
   * it (orchestration turns store errors into ABORT), the transaction must then not
   * commit: the store rolls it back and rejects with this error, as the database store
   * does.
   */
  failure: unknown = undefined;

  constructor(tables: InMemoryTables) {
    this.#tables = tables;
    this.#nextArtifact = tables.nextArtifact;
  }

  readFlowRun(id: string): FlowRun | null {
    this.#assertOpen();
    return this.#flowRun(id);
  }

  readTaskRun(id: string): TaskRun | null {
    this.#assertOpen();
    return this.#taskRun(id);
  }

  readTaskRunsOfFlow(flowRunId: string): TaskRun[] {
    this.#assertOpen();
    const ids = new Set<string>();
    for (const run of this.#tables.taskRuns.values())
      if (run.flowRunId === flowRunId) ids.add(run.id);
    for (const run of this.#taskRuns.values()) if (run.flowRunId === flowRunId) ids.add(run.id);
    return [...ids]
      .map((id) => this.#taskRun(id))
      .filter((run): run is TaskRun => run?.flowRunId === flowRunId);
  }

  readState(kind: RunKind, stateId: string): State | null {
    this.#assertOpen();
    const row = this.#states.get(stateId) ?? this.#tables.states.get(stateId);
    if (row === undefined || row.runKind !== kind) return null;
    return this.#stateOf(row);
  }

  async readRunStates(kind: RunKind, runId: string): Promise<State[]> {
    this.#assertOpen();
    const states: State[] = [];
    for (const rows of [this.#tables.states.values(), this.#states.values()]) {
      for (const row of rows)
        if (row.runKind === kind && row.runId === runId) states.push(this.#stateOf(row));
    }
    return states;
  }

  /** A copy of the row's state with its result data attached. */
  #stateOf(row: StateRow): State {
    const state = copyState(row.state);
    if (row.resultArtifactId !== null) {
      const artifact =
        this.#artifacts.get(row.resultArtifactId) ??
        this.#tables.artifacts.get(row.resultArtifactId);
      state.data = artifact?.data ?? null;
    }
    return state;
  }

  insertRunState(kind: RunKind, runId: string, state: State): State {
    this.#assertOpen();
    const run = kind === 'flow' ? this.#flowRun(runId) : this.#taskRun(runId);
    if (run === null) {
      throw this.#failed(
        new Error(
          `Cannot store a state for ${kind} run ${runId}: there is no such run in the store.`,
        ),
      );
    }
    if (this.#states.has(state.id) || this.#tables.states.has(state.id)) {
      throw this.#failed(
        new Error(
          `Cannot store state ${state.id} for ${kind} run ${runId}: a state with that id already exists.`,
        ),
      );
    }
    let resultArtifactId: string | null = null;
    if (state.data !== null && state.data !== undefined) {
      // Data a rule produced is refused as a proposal's is, and as the database would.
      try {
        assertStorableData(state.data, 'state.data');
      } catch (error) {
        throw this.#failed(error as Error);
      }
      resultArtifactId = `artifact-${this.#nextArtifact++}`;
      if (this.#artifacts === EMPTY) this.#artifacts = new Map();
      this.#artifacts.set(resultArtifactId, {
        id: resultArtifactId,
        runKind: kind,
        runId,
        data: state.data,
      });
    }
    const stored = copyState(state);
    stored.data = null;
    if (this.#states === EMPTY) this.#states = new Map();
    this.#states.set(state.id, { runKind: kind, runId, state: stored, resultArtifactId });
    run.stateId = state.id;
    const validated = copyState(state);
    validated.data = state.data ?? null;
    return validated;
  }

  readCacheEntry(cacheKey: string, now: Date): CacheEntry | null {
    this.#assertOpen();
    // Committed entries first, then this session's: later insertions win ties.
    const best = liveEntry(
      this.#cacheEntries ?? [],
      cacheKey,
      now,
      liveEntry(this.#tables.cacheEntries, cacheKey, now, null),
    );
    return best === null ? null : cloneCacheEntry(best);
  }

  insertCacheEntry(entry: CacheEntry): void {
    this.#assertOpen();
    (this.#cacheEntries ??= []).push(cloneCacheEntry(entry));
  }

  readConcurrencyLimits(tags: readonly string[]): ConcurrencyLimit[] {
    this.#assertOpen();
    const sorted =
      tags.length < 2 ? tags : [...new Set(tags)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const limits: ConcurrencyLimit[] = [];
    for (const tag of sorted) {
      const limit = this.#limit(tag);
      if (limit !== null) limits.push(limit);
    }
    return limits;
  }

  readConcurrencyLimit(tag: string): ConcurrencyLimit | null {
    this.#assertOpen();
    return this.#limit(tag);
  }

  /** Adds a new flow run; the given record becomes the working copy. Synchronous. */
  insertFlowRun(run: FlowRun): FlowRun {
    this.#assertOpen();
    if (this.#flowRun(run.id) !== null)
      throw this.#failed(new Error(`A flow run with id ${run.id} already exists.`));
    if (this.#flowRuns === EMPTY) this.#flowRuns = new Map();
    this.#flowRuns.set(run.id, run);
    return run;
  }

  /**
   * Adds a new task run; the given record becomes the working copy. Synchronous.
   * Throws `ObjectNotFoundError` when its flow run does not exist, as a database's
   * foreign key would.
   */
  insertTaskRun(run: TaskRun): TaskRun {
    this.#assertOpen();
    if (this.#taskRun(run.id) !== null)
      throw this.#failed(new Error(`A task run with id ${run.id} already exists.`));
    if (this.#flowRun(run.flowRunId) === null)
      throw this.#failed(unknownFlowRunError(run.id, run.flowRunId));
    if (this.#taskRuns === EMPTY) this.#taskRuns = new Map();
    this.#taskRuns.set(run.id, run);
    return run;
  }

  /** Creates or replaces the limit of `limit.tag` (not part of the port). */
  writeConcurrencyLimit(limit: ConcurrencyLimit): ConcurrencyLimit {
    this.#assertOpen();
    const copy = cloneLimit(limit);
    if (this.#limits === EMPTY) this.#limits = new Map();
    this.#limits.set(limit.tag, copy);
    return copy;
  }

  /** Deletes the limit of `tag`, if any (not part of the port). */
  deleteConcurrencyLimit(tag: string): void {
    this.#assertOpen();
    if (this.#limits === EMPTY) this.#limits = new Map();
    this.#limits.set(tag, null);
  }

  /** Writes every change into the tables and closes the session. */
  commit(): void {
    this.#assertOpen();
    this.#open = false;
    const tables = this.#tables;
    // The working copies become the committed rows: the session is closed, so no
    // caller reaches them through it again.
    for (const [id, run] of this.#flowRuns) tables.flowRuns.set(id, run);
    for (const [id, run] of this.#taskRuns) tables.taskRuns.set(id, run);
    for (const [tag, limit] of this.#limits) {
      if (limit === null) tables.concurrencyLimits.delete(tag);
      else tables.concurrencyLimits.set(tag, limit);
    }
    for (const [id, row] of this.#states) tables.states.set(id, row);
    for (const [id, artifact] of this.#artifacts) tables.artifacts.set(id, artifact);
    if (this.#cacheEntries !== null)
      for (const entry of this.#cacheEntries) tables.cacheEntries.push(entry);
    tables.nextArtifact = this.#nextArtifact;
  }

  /** Drops every change and closes the session. */
  discard(): void {
    this.#open = false;
  }

  #flowRun(id: string): FlowRun | null {
    let run = this.#flowRuns.get(id);
    if (run === undefined) {
      const committed = this.#tables.flowRuns.get(id);
      if (committed === undefined) return null;
      run = copyFlowRun(committed);
      if (this.#flowRuns === EMPTY) this.#flowRuns = new Map();
      this.#flowRuns.set(id, run);
    }
    return run;
  }

  #taskRun(id: string): TaskRun | null {
    let run = this.#taskRuns.get(id);
    if (run === undefined) {
      const committed = this.#tables.taskRuns.get(id);
      if (committed === undefined) return null;
      run = copyTaskRun(committed);
      if (this.#taskRuns === EMPTY) this.#taskRuns = new Map();
      this.#taskRuns.set(id, run);
    }
    return run;
  }

  #limit(tag: string): ConcurrencyLimit | null {
    const working = this.#limits.get(tag);
    if (working !== undefined) return working;
    const committed = this.#tables.concurrencyLimits.get(tag);
    if (committed === undefined) return null;
    const copy = cloneLimit(committed);
    if (this.#limits === EMPTY) this.#limits = new Map();
    this.#limits.set(tag, copy);
    return copy;
  }

  /** Records `error` as the session's failure (the first one wins) and returns it. */
  #failed(error: Error): Error {
    if (this.failure === undefined) this.failure = error;
    return error;
  }

  #assertOpen(): void {
    if (!this.#open) {
      throw sessionClosedError();
    }
  }
}

/**
 * The live entry for `cacheKey` at `now` among `entries` (in insertion order), starting
 * from `best`: unexpired (null, or strictly later than `now`), most recently created,
 * and among equals the one inserted last.
 */
function liveEntry(
  entries: readonly CacheEntry[],
  cacheKey: string,
  now: Date,
  best: CacheEntry | null,
): CacheEntry | null {
  for (const entry of entries) {
    if (entry.cacheKey !== cacheKey) continue;
    if (entry.cacheExpiration !== null && !(entry.cacheExpiration > now)) continue;
    if (best === null || entry.created >= best.created) best = entry;
  }
  return best;
}
