/**
 * Many engine processes, one PostgreSQL server: 4 worker processes, each with its own
 * engine and connection pool, drive 512 task runs that share tag concurrency limits,
 * with retries, cache hits and cancellations; a fifth worker is killed with SIGKILL
 * while its transaction holds slots, right before COMMIT. Needs the server at
 * PM_POSTGRES_URL (skipped without it, except in CI, where it fails).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Running, StateType } from '../../../../src/index.ts';
import { OrionEngine } from '../../../../src/orion/index.ts';
import {
  openPostgresOrionStore,
  type PostgresOrionStore,
} from '../../../../src/orion/postgres/index.ts';
import { quoteIdentifier } from '../../../../src/orion/postgres/quote-identifier.ts';
import { serverUrl } from './support/server-url.ts';
import type { WorkerSettings } from './support/transition-worker.ts';
import {
  cacheKeyOf,
  FINAL_TYPE,
  finishTask,
  LIMITS,
  planOf,
  taskRunId,
  tagsOf,
  type DriveCounts,
} from './support/workload.ts';

const SERVER_URL = serverUrl('many-processes.test.ts');
const SURVIVORS = 4;
const WORKERS = SURVIVORS + 1; // the last one is killed
const RUNS = 640; // 512 for the survivors, 128 for the killed worker
const FLOWS = 32;
const WORKER_SCRIPT = fileURLToPath(new URL('./support/transition-worker.ts', import.meta.url));

interface Worker {
  child: ChildProcess;
  messages: Record<string, unknown>[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: string[];
}

function startWorker(settings: WorkerSettings): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER_SCRIPT], {
    env: { ...process.env, PM_WORKER: JSON.stringify(settings) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const worker: Worker = {
    child,
    messages: [],
    stderr: [],
    exit: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
  };
  createInterface({ input: child.stdout }).on('line', (line) => {
    worker.messages.push(JSON.parse(line) as Record<string, unknown>);
  });
  child.stderr.on('data', (chunk: Buffer) => worker.stderr.push(chunk.toString()));
  return worker;
}

async function until<T>(
  what: string,
  seconds: number,
  probe: () => Promise<T | undefined> | T | undefined,
): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${seconds} s waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(SERVER_URL === '')(
  `many engine processes on one PostgreSQL server${SERVER_URL === '' ? ' (skipped: set PM_POSTGRES_URL to a server, e.g. with scripts/postgres/start-throwaway-cluster.sh)' : ''}`,
  () => {
    const schema = `pm_multi_${process.pid}_${Date.now().toString(36)}`;
    const q = quoteIdentifier(schema);
    let store: PostgresOrionStore | undefined;
    const workers: Worker[] = [];

    afterAll(async () => {
      for (const worker of workers)
        if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
      if (store !== undefined) {
        await store.client.exec(`DROP SCHEMA IF EXISTS ${q} CASCADE`);
        await store.close();
      }
    });

    it('never exceeds a limit, ends every run where the rules say, and a killed worker leaves no trace', async () => {
      store = await openPostgresOrionStore({ url: SERVER_URL, schema, poolSize: 4 });
      const sql = store.client;
      // The audit: every committed version of every limit row, written by a trigger in
      // the transition's own transaction (a rolled-back transition leaves no audit row).
      await sql.exec(`
        CREATE TABLE ${q}.slot_audit (tag text NOT NULL, held integer NOT NULL, lim integer NOT NULL);
        CREATE FUNCTION ${q}.audit_slots() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            INSERT INTO ${q}.slot_audit VALUES (NEW.tag, cardinality(NEW.active_slots), NEW.concurrency_limit);
            RETURN NEW;
          END $$;
        CREATE TRIGGER audit_slots AFTER INSERT OR UPDATE ON ${q}.concurrency_limit
          FOR EACH ROW EXECUTE FUNCTION ${q}.audit_slots();`);
      for (const [tag, limit] of Object.entries(LIMITS))
        await store.setConcurrencyLimit(tag, limit);
      const setup = new OrionEngine({ store });
      const flows = await Promise.all(
        Array.from({ length: FLOWS }, async () => {
          const flow = await store!.addFlowRun();
          await setup.setFlowRunState(flow.id, Running(), { force: true });
          return flow.id;
        }),
      );
      // Created in parallel batches; a run's number is in its id (taskRunId below).
      for (let start = 0; start < RUNS; start += 32) {
        await Promise.all(
          Array.from({ length: Math.min(32, RUNS - start) }, (_, offset) => {
            const index = start + offset;
            const plan = planOf(index);
            return store!.addTaskRun({
              id: taskRunId(index),
              flowRunId: flows[index % FLOWS]!,
              tags: tagsOf(index),
              empiricalPolicy: plan === 'retry' ? { retries: 1, retryDelay: 0 } : {},
              cacheKey: plan === 'cached' ? cacheKeyOf(index) : null,
            });
          }),
        );
      }

      for (let i = 0; i < WORKERS; i++) {
        workers.push(
          startWorker({
            url: SERVER_URL,
            schema,
            workerIndex: i,
            workerCount: WORKERS,
            inFlight: 6,
            ...(i === SURVIVORS ? { hangOnSlot: 5 } : {}),
          }),
        );
      }
      const victim = workers[SURVIVORS]!;

      // The victim stops before COMMIT with slots and a state row written: kill it there.
      const holding = await until('the victim to hold a transaction open', 60, () =>
        victim.messages.find((message) => message['type'] === 'holding'),
      );
      victim.child.kill('SIGKILL');
      expect((await victim.exit).signal).toBe('SIGKILL');
      await until('the server to end the killed worker’s session', 20, async () => {
        const rows = await sql.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = $1`, [
          `pm-worker-${SURVIVORS}`,
        ]);
        return rows.length === 0 ? true : undefined;
      });
      const heldStates = holding['stateIds'] as string[];
      expect(heldStates.length).toBeGreaterThan(0);
      const leftover = await sql.query(
        `SELECT id FROM ${q}.task_run_state WHERE id = ANY($1::text[])`,
        [heldStates],
      );
      expect(leftover, 'states of the killed transaction').toEqual([]);
      for (const heldRunId of holding['taskRunIds'] as string[]) {
        const limits = await sql.query(
          `SELECT tag FROM ${q}.concurrency_limit WHERE $1 = ANY(active_slots)`,
          [heldRunId],
        );
        expect(limits, `slots of ${heldRunId} after the kill`).toEqual([]);
        const [run] = await sql.query(`SELECT state_type FROM ${q}.task_run WHERE id = $1`, [
          heldRunId,
        ]);
        expect(run, `${heldRunId} after the kill`).toEqual({ state_type: StateType.PENDING });
      }

      // The others carry on and finish, each within the deadline (no process deadlocked).
      const exits = await Promise.all(
        workers
          .slice(0, SURVIVORS)
          .map((worker) =>
            Promise.race([
              worker.exit,
              new Promise<never>((_, reject) =>
                setTimeout(
                  () =>
                    reject(new Error(`a worker did not finish in 90 s: ${worker.stderr.join('')}`)),
                  90_000,
                ),
              ),
            ]),
          ),
      );
      for (const [i, exit] of exits.entries()) {
        expect(
          exit,
          `worker ${i}: ${JSON.stringify(workers[i]!.messages)} ${workers[i]!.stderr.join('')}`,
        ).toEqual({ code: 0, signal: null });
      }
      const done = workers
        .slice(0, SURVIVORS)
        .map((worker) => worker.messages.find((m) => m['type'] === 'done')!);
      expect(done.reduce((sum, d) => sum + (d['runs'] as number), 0)).toBe(RUNS - RUNS / WORKERS);

      // The killed worker's runs, wherever it left them, are finished here.
      const counts: DriveCounts = { transitions: 0, waits: 0 };
      for (let index = SURVIVORS; index < RUNS; index += WORKERS)
        await finishTask(setup, taskRunId(index), counts);

      // No limit was ever exceeded, in any committed version of its row.
      const exceeded = await sql.query(`SELECT * FROM ${q}.slot_audit WHERE held > lim`);
      expect(exceeded).toEqual([]);
      const peaks = await sql.query<{ tag: string; peak: number }>(
        `SELECT tag, max(held) AS peak FROM ${q}.slot_audit GROUP BY tag ORDER BY tag`,
      );
      expect(peaks.map((row) => row.tag)).toEqual(['a', 'b', 'c']);
      // Every slot is given back.
      const held = await sql.query(
        `SELECT tag FROM ${q}.concurrency_limit WHERE cardinality(active_slots) > 0`,
      );
      expect(held).toEqual([]);

      const runs = await sql.query<{
        id: string;
        state_id: string;
        state_type: string;
        state_name: string;
        run_count: number;
      }>(`SELECT id, state_id, state_type, state_name, run_count FROM ${q}.task_run ORDER BY id`);
      const states = await sql.query<{
        id: string;
        task_run_id: string;
        type: string;
        name: string;
      }>(`SELECT id, task_run_id, type, name FROM ${q}.task_run_state ORDER BY created_seq`);
      const history = new Map<string, { id: string; type: string; name: string }[]>();
      for (const state of states) {
        const list = history.get(state.task_run_id) ?? [];
        list.push(state);
        history.set(state.task_run_id, list);
      }
      let cacheHits = 0;
      for (const [index, run] of runs.entries()) {
        const own = history.get(run.id) ?? [];
        const last = own.at(-1);
        // No half-written transition: the run points at its newest state, and agrees with it.
        expect(run.state_id, `run #${index}`).toBe(last?.id);
        expect([run.state_type, run.state_name], `run #${index}`).toEqual([last?.type, last?.name]);
        // run_count counts the run's RUNNING states.
        expect(run.run_count, `run #${index}`).toBe(
          own.filter((s) => s.type === StateType.RUNNING).length,
        );
        if (own.some((s) => s.name === 'Cached')) cacheHits++;
        const plan = planOf(index);
        if (index % WORKERS === SURVIVORS) {
          expect(
            [StateType.COMPLETED, StateType.FAILED, StateType.CANCELLED],
            `run #${index}`,
          ).toContain(run.state_type);
          continue;
        }
        expect(run.state_type, `run #${index} (${plan})`).toBe(FINAL_TYPE[plan]);
        if (plan === 'retry') {
          expect(
            own.map((s) => s.name),
            `run #${index}`,
          ).toContain('AwaitingRetry');
          expect(run.run_count).toBe(2);
        }
        if (plan === 'cancel') expect(own.at(-2)?.type).toBe(StateType.CANCELLING);
      }
      expect(cacheHits).toBeGreaterThan(0);
      // Every result artifact belongs to a committed state.
      const orphans = await sql.query(
        `SELECT a.id FROM ${q}.artifact a WHERE NOT EXISTS (SELECT 1 FROM ${q}.task_run_state s WHERE s.result_artifact_id = a.id)
           AND NOT EXISTS (SELECT 1 FROM ${q}.flow_run_state s WHERE s.result_artifact_id = a.id)`,
      );
      expect(orphans).toEqual([]);
      console.info(
        `many-processes: ${JSON.stringify(done.map(({ type: _t, ...d }) => d))}; peaks ${JSON.stringify(peaks)}; cache hits ${cacheHits}`,
      );
    }, 180_000);
  },
);
