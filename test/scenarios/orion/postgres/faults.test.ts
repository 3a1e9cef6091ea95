/**
 * The fault suite: what the store promises under the faults an operator meets, each
 * run followed by an audit of the rows (support/audit.ts). On a PostgreSQL cluster of
 * its own (restarting it must not disturb the suites sharing the CI server): restarts
 * fast and immediate, terminated backends, the server down and back, a row lock held
 * elsewhere. On PGlite: two processes opening one folder, and SIGKILL of the one that
 * holds it. The server part needs the server binaries and runs where the other server
 * tests do (PM_POSTGRES_URL set; in CI a missing server fails, not skips).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_RULE_SOURCES } from '../../../../scripts/generated-rule-sources.ts';
import { Pending, Running, SetStateStatus } from '../../../../src/index.ts';
import { OrionEngine } from '../../../../src/orion/index.ts';
import {
  connectNodePostgres,
  connectPglite,
  ConnectionLostError,
  DataDirLockedError,
  LockTimeoutError,
  PostgresOrionStore,
  type SqlClient,
} from '../../../../src/orion/postgres/index.ts';
import { audit, clean, type Acknowledged, type AuditFigures } from './support/audit.ts';
import {
  createFaultRuns,
  driveFaultRuns,
  FAULT_TAG,
  newProgress,
  type FaultProgress,
} from './support/fault-workload.ts';
import { startOwnCluster, type OwnCluster } from './support/own-cluster.ts';
import { serverUrl } from './support/server-url.ts';

const WITH_SERVER = serverUrl('faults.test.ts') !== '';
const WORKER = fileURLToPath(new URL('./support/pglite-fault-worker.ts', import.meta.url));
const APP = 'pm-fault-suite';
const RUNS = 16;
/** The task runs the PGlite worker creates (support/pglite-fault-worker.ts). */
const PGLITE_RUNS = 24;

/** The audit figures of every scenario, printed at the end (the note quotes them). */
const figures: Record<string, AuditFigures & { errors: Record<string, number> }> = {};
afterAll(() => {
  console.info(`fault suite audit figures:\n${JSON.stringify(figures, null, 1)}`);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function expectClean(
  name: string,
  db: SqlClient,
  schema: string,
  acknowledged: readonly Acknowledged[],
  errors: Record<string, number>,
): Promise<AuditFigures> {
  const result = await audit(db, schema, acknowledged);
  figures[name] = { ...result, errors };
  expect(result).toEqual(clean(result));
  return result;
}

describe.skipIf(!WITH_SERVER)('the store on a server that fails', () => {
  let cluster: OwnCluster;
  let admin: SqlClient;
  let schemas = 0;

  beforeAll(async () => {
    cluster = await startOwnCluster();
    admin = await connectNodePostgres({ url: cluster.url, max: 2 });
    // A server that acknowledges a commit has its WAL: an immediate shutdown loses none.
    await admin.exec('ALTER DATABASE postgres SET synchronous_commit = on');
  });
  afterAll(async () => {
    await admin?.close();
    await cluster?.destroy();
  });

  async function open(options: { lockTimeoutMs?: number; max?: number } = {}) {
    const schema = `fault_${++schemas}`;
    const client = await connectNodePostgres({
      url: cluster.url,
      max: options.max ?? 4,
      application_name: APP,
      connectTimeoutMs: 1_000,
      ...(options.lockTimeoutMs === undefined ? {} : { lockTimeoutMs: options.lockTimeoutMs }),
    });
    const store = await PostgresOrionStore.open({
      client,
      schema,
      connectionRetryDeadlineMs: 500,
    });
    const engine = new OrionEngine({ store, policies: GENERATED_RULE_SOURCES });
    return { store, engine, schema };
  }

  /** Drives RUNS runs, calling `fault` once after `after` acknowledged transitions. */
  async function withFault(
    name: string,
    after: number,
    fault: () => Promise<unknown>,
  ): Promise<FaultProgress> {
    const { store, engine, schema } = await open();
    const ids = await createFaultRuns(store, engine, name, RUNS);
    const progress = newProgress();
    let faulted: Promise<unknown> | undefined;
    await driveFaultRuns(engine, ids, 4, progress, () => {
      if (faulted === undefined && progress.acknowledged.length >= after) faulted = fault();
    });
    await faulted;
    expect(progress.acknowledged).toHaveLength(3 * RUNS);
    // Errors the caller saw, and the transactions the store retried on its own.
    progress.errors['storeRetries'] = store.retries;
    await expectClean(name, admin, schema, progress.acknowledged, progress.errors);
    await store.close();
    return progress;
  }

  it.each(['fast', 'immediate'] as const)(
    'survives a %s restart in the middle of the work: typed errors, retried by the caller, nothing acknowledged lost',
    async (mode) => {
      await withFault(`restart-${mode}`, 12, () => cluster.restart(mode));
    },
  );

  it('survives its backends being terminated twice: typed errors, and the pool reconnects', async () => {
    const progress = await withFault('terminate', 10, async () => {
      expect(await cluster.terminateBackends(admin, APP)).toBeGreaterThan(0);
      await sleep(100);
      await cluster.terminateBackends(admin, APP);
    });
    const seen =
      (progress.errors['connection-lost'] ?? 0) + (progress.errors['commit-outcome-unknown'] ?? 0);
    expect(seen + progress.errors['storeRetries']!).toBeGreaterThan(0);
  });

  it('fails calls with ConnectionLostError while the server is down, and serves the next call once it is back', async () => {
    const { store, engine, schema } = await open();
    const ids = await createFaultRuns(store, engine, 'down', 4);
    const progress = newProgress();
    await driveFaultRuns(engine, ids.slice(0, 2), 2, progress);
    await cluster.stop();
    let back = 0;
    try {
      const failing = engine.setTaskRunState(ids[2]!, Pending(), { stateId: `${ids[2]}-pending` });
      const error = (await failing.catch((e: unknown) => e)) as ConnectionLostError;
      expect(error).toBeInstanceOf(ConnectionLostError);
      expect(error).toMatchObject({ code: 'connection-lost', retryable: true });
      expect(error.cause).toBeInstanceOf(Error);
      await expect(store.taskRun(ids[0]!)).rejects.toBeInstanceOf(ConnectionLostError);
    } finally {
      await cluster.start();
      back = performance.now();
    }
    let firstCallMs: number | undefined;
    await driveFaultRuns(engine, ids.slice(2), 2, progress, () => {
      firstCallMs ??= performance.now() - back;
    });
    expect(firstCallMs).toBeLessThan(5_000);
    const result = await expectClean('server-down', admin, schema, progress.acknowledged, {
      ...progress.errors,
      firstAcknowledgedAfterRestartMs: Math.round(firstCallMs!),
    });
    expect(result.acknowledged).toBe(12);
    await store.close();
  });

  it('bounds the wait on a row lock held elsewhere, and a held limit stalls neither the other runs of the flow nor reads', async () => {
    const lockTimeoutMs = 1_500;
    const { store, engine, schema } = await open({ lockTimeoutMs, max: 3 });
    await store.setConcurrencyLimit(FAULT_TAG, 5);
    await store.addFlowRun({ id: 'flow' });
    await engine.setFlowRunState('flow', Running(), { force: true });
    const tagged = ['tagged-1', 'tagged-2', 'tagged-3'];
    for (const id of tagged) await store.addTaskRun({ id, flowRunId: 'flow', tags: [FAULT_TAG] });
    await store.addTaskRun({ id: 'untagged', flowRunId: 'flow', tags: [] });
    const acknowledged: Acknowledged[] = [];
    for (const id of [...tagged, 'untagged']) {
      const result = await engine.setTaskRunState(id, Pending());
      acknowledged.push({ runId: id, stateId: result.state!.id });
    }

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = admin.transaction(async (tx) => {
      await tx.query(`SELECT * FROM "${schema}".concurrency_limit WHERE tag = $1 FOR UPDATE`, [
        FAULT_TAG,
      ]);
      locked();
      await released;
    });
    await isLocked;
    const timed = async <T>(call: () => Promise<T>) => {
      const started = performance.now();
      const value = await call();
      return { value, ms: performance.now() - started };
    };
    try {
      const waitOnLimit = (id: string) =>
        timed(() => engine.setTaskRunState(id, Running()).catch((error: unknown) => error));
      // Two runs of the flow wait on the held limit row…
      const waiting = [waitOnLimit(tagged[0]!), waitOnLimit(tagged[1]!)];
      await sleep(100);
      // …yet the run of the same flow without the tag moves at once (its flow run is
      // read, not locked),
      const untagged = await timed(() => engine.setTaskRunState('untagged', Running()));
      expect(untagged.value.status).toBe(SetStateStatus.ACCEPT);
      acknowledged.push({ runId: 'untagged', stateId: untagged.value.state!.id });
      // and with every pooled connection waiting, a read answers at once (a pool of its own).
      waiting.push(waitOnLimit(tagged[2]!));
      await sleep(100);
      const read = await timed(() => store.taskRun('untagged'));
      expect(read.value?.stateType).toBe('RUNNING');
      const outcomes = await Promise.all(waiting);
      for (const { value: error, ms } of outcomes) {
        expect(error).toBeInstanceOf(LockTimeoutError);
        expect(error).toMatchObject({ code: 'lock-timeout', retryable: true, sqlState: '55P03' });
        expect(ms).toBeGreaterThanOrEqual(lockTimeoutMs - 50);
        expect(ms).toBeLessThan(lockTimeoutMs + 5_000);
      }
      expect(untagged.ms).toBeLessThan(lockTimeoutMs);
      expect(read.ms).toBeLessThan(lockTimeoutMs);
      figures['lock-held-timings'] = {
        ...clean(await audit(admin, schema, [])),
        errors: {
          lockTimeoutMs,
          taggedCallsMs: Math.round(Math.max(...outcomes.map((o) => o.ms))),
          untaggedSameFlowMs: Math.round(untagged.ms),
          readWithPoolExhaustedMs: Math.round(read.ms),
        },
      };
    } finally {
      release();
      await holder;
    }
    for (const id of tagged) {
      const result = await engine.setTaskRunState(id, Running());
      expect(result.status).toBe(SetStateStatus.ACCEPT);
      acknowledged.push({ runId: id, stateId: result.state!.id });
    }
    await expectClean('lock-held', admin, schema, acknowledged, {});
    await store.close();
  });
});

describe('PGlite: one process per folder, and a killed process', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'pm-pglite-fault-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('refuses a second opener naming the holder, and after SIGKILL takes the folder over with nothing acknowledged lost', async () => {
    const dataDir = join(folder, 'db');
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', WORKER], {
      env: { ...process.env, PM_PGLITE_DIR: dataDir },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const acknowledged: Acknowledged[] = [];
    const messages: Record<string, unknown>[] = [];
    let wake: () => void = () => {};
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const message = JSON.parse(line) as Record<string, unknown>;
      if (message['type'] === 'ack') acknowledged.push(message as unknown as Acknowledged);
      else messages.push(message);
      wake();
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const until = async (what: string, probe: () => boolean) => {
      const deadline = Date.now() + 150_000;
      while (!probe()) {
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
        if (messages.some((m) => m['type'] === 'error'))
          throw new Error(String(messages.at(-1)!['message']));
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 100);
        });
      }
    };
    try {
      await until('the worker to open the folder', () =>
        messages.some((m) => m['type'] === 'ready'),
      );
      const second = connectPglite({ dataDir });
      await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(second).rejects.toMatchObject({
        code: 'data-dir-locked',
        retryable: false,
        pid: child.pid,
        message: expect.stringContaining(`in use by process ${child.pid}`),
      });
      child.stdin!.end('go\n');
      await until('some acknowledged transitions', () => acknowledged.length >= 20);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    const counted = acknowledged.length; // no more can arrive
    const client = await connectPglite({ dataDir }); // the stale lock is taken over
    try {
      const result = await expectClean('pglite-sigkill', client, 'public', acknowledged, {
        acknowledgedBeforeKill: counted,
      });
      expect(result.taskRuns).toBe(PGLITE_RUNS);
    } finally {
      await client.close();
    }
  }, 180_000); // two PGlite starts and a child process: slow on a busy machine
});
