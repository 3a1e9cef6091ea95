/**
 * Transitions per second of the Orion engine on each store, measured side by side on
 * the same workload: one engine on the in-memory store, on PGlite (embedded, in
 * memory) and on a PostgreSQL server, then 4 processes, each with its own engine and
 * pool, on the same server (with the p50 and p99 latency of a transition). Every task
 * run goes PENDING → RUNNING → COMPLETED, half of them under a shared tag limit (so
 * slot rows are locked and contended), 16 in flight per engine. The statements per
 * transition (BEGIN and COMMIT included) are counted by a wrapper around the database
 * client, the same way for any version of the store. Never run by `npm test`.
 *
 *   PM_POSTGRES_URL=postgres://… node --import tsx scripts/postgres/bench-store-throughput.ts [--runs 1000]
 *
 * Without PM_POSTGRES_URL the server rows are skipped. The child mode (--child) is the
 * script running as one of the 4 processes; it is not meant to be called by hand.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Completed, Pending, Running, SetStateStatus } from '../../src/index.ts';
import { InMemoryOrionStore, OrionEngine, type OrionStore } from '../../src/orion/index.ts';
import {
  connectNodePostgres,
  connectPglite,
  PostgresOrionStore,
  type SqlClient,
  type SqlQueryable,
} from '../../src/orion/postgres/index.ts';
import { GENERATED_RULE_SOURCES } from '../generated-rule-sources.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    child: { type: 'string' },
  },
});
const RUNS = Number(values.runs);
const IN_FLIGHT = 16;
const PROCESSES = 4;
const TAG_LIMIT = 8;

/** The setup API both stores share. */
type BenchStore = OrionStore &
  Pick<InMemoryOrionStore, 'setConcurrencyLimit'> & {
    addFlowRun: InMemoryOrionStore['addFlowRun'];
    addTaskRun: InMemoryOrionStore['addTaskRun'];
  };

/** Every statement sent through a client, BEGIN and COMMIT included. */
const counted = { statements: 0 };

/** `client`, counting its statements in `counted` (a transaction adds BEGIN and COMMIT). */
function counting(client: SqlClient): SqlClient {
  const wrap = (q: SqlQueryable): SqlQueryable => ({
    query: (sql, params) => {
      counted.statements++;
      return q.query(sql, params);
    },
    exec: (sql) => {
      counted.statements++;
      return q.exec(sql);
    },
  });
  return {
    ...wrap(client),
    transaction: (work) => {
      counted.statements += 2;
      return client.transaction((tx) => work(wrap(tx)));
    },
    close: () => client.close(),
  };
}

/** A store on a server (url) or on PGlite in memory, its client counting statements. */
async function openStore(
  url: string | undefined,
  schema: string,
  poolSize = 8,
): Promise<PostgresOrionStore> {
  const client =
    url === undefined ? await connectPglite() : await connectNodePostgres({ url, max: poolSize });
  return PostgresOrionStore.open({ client: counting(client), schema });
}

async function prepare(store: BenchStore, runs: number, prefix: string): Promise<string[]> {
  await store.setConcurrencyLimit('shared', TAG_LIMIT);
  const ids: string[] = [];
  let flowId = '';
  for (let i = 0; i < runs; i++) {
    if (i % 20 === 0) flowId = (await store.addFlowRun({ id: `${prefix}-flow-${i}` })).id;
    const run = await store.addTaskRun({
      id: `${prefix}-task-${i}`,
      flowRunId: flowId,
      tags: i % 2 === 0 ? ['shared'] : [],
    });
    ids.push(run.id);
  }
  return ids;
}

/**
 * Drives every run through its three transitions; returns the transitions made (and
 * pushes each one's latency, in ms, to `latencies`).
 */
async function drive(
  engine: OrionEngine,
  ids: readonly string[],
  latencies: number[] = [],
): Promise<number> {
  let next = 0;
  let transitions = 0;
  const propose = async (id: string, state: ReturnType<typeof Pending>) => {
    for (;;) {
      const started = performance.now();
      const result = await engine.setTaskRunState(id, state);
      latencies.push(performance.now() - started);
      transitions++;
      if (result.status !== SetStateStatus.WAIT) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const lane = async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      await propose(id, Pending());
      await propose(id, Running());
      await propose(id, Completed());
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  return transitions;
}

/** Puts the flow runs `prepare` made into RUNNING (forced, not measured). */
function runningFlows(engine: OrionEngine, runs: number, prefix: string) {
  return async () => {
    for (let i = 0; i < runs; i += 20)
      await engine.setFlowRunState(`${prefix}-flow-${i}`, Running(), { force: true });
  };
}

async function measureOne(label: string, store: BenchStore): Promise<string> {
  const ids = await prepare(store, RUNS, 'one');
  const engine = new OrionEngine({ store, policies: GENERATED_RULE_SOURCES });
  await runningFlows(engine, RUNS, 'one')();
  const statementsBefore = counted.statements;
  const started = performance.now();
  const transitions = await drive(engine, ids);
  const seconds = (performance.now() - started) / 1000;
  const perTransition = (counted.statements - statementsBefore) / transitions;
  return row(
    label,
    transitions,
    seconds,
    store instanceof PostgresOrionStore ? perTransition : undefined,
  );
}

function row(
  label: string,
  transitions: number,
  seconds: number,
  statements?: number,
  latencies?: string,
): string {
  return `${label.padEnd(36)} ${String(transitions).padStart(7)} ${seconds.toFixed(2).padStart(8)} ${Math.round(
    transitions / seconds,
  )
    .toString()
    .padStart(
      9,
    )} ${(statements === undefined ? '-' : statements.toFixed(2)).padStart(11)}${latencies === undefined ? '' : `  ${latencies}`}`;
}

/** The `p`-th percentile (0-100) of `values`. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function child(spec: string): Promise<void> {
  const { url, schema, index, runs } = JSON.parse(spec) as {
    url: string;
    schema: string;
    index: number;
    runs: number;
  };
  const store = await openStore(url, schema);
  const prefix = `p${index}`;
  const ids = await prepare(store, runs, prefix);
  const engine = new OrionEngine({ store, policies: GENERATED_RULE_SOURCES });
  await runningFlows(engine, runs, prefix)();
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  process.stdin.destroy(); // the go signal is all it reads: let the process exit when done
  const started = Date.now();
  const statementsBefore = counted.statements;
  const latencies: number[] = [];
  const transitions = await drive(engine, ids, latencies);
  const statements = counted.statements - statementsBefore;
  process.stdout.write(
    `${JSON.stringify({ transitions, started, ended: Date.now(), retries: store.retries, statements, latencies })}\n`,
  );
  await store.close();
}

async function measureProcesses(url: string): Promise<string> {
  const schema = `pm_bench_${process.pid}`;
  const admin = await openStore(url, schema, 2);
  await admin.setConcurrencyLimit('shared', TAG_LIMIT);
  const perProcess = Math.ceil(RUNS / PROCESSES);
  const script = fileURLToPath(import.meta.url);
  const children = Array.from({ length: PROCESSES }, (_, index) =>
    spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        script,
        '--child',
        JSON.stringify({ url, schema, index, runs: perProcess }),
      ],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    ),
  );
  const lines = children.map((c) => {
    const queue: string[] = [];
    let wake: (() => void) | undefined;
    createInterface({ input: c.stdout }).on('line', (line) => {
      queue.push(line);
      wake?.();
    });
    return async (): Promise<string> => {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      return queue.shift()!;
    };
  });
  for (const next of lines)
    if ((await next()) !== 'ready') throw new Error('a bench process failed to start');
  for (const c of children) c.stdin.end('go\n');
  const results = await Promise.all(
    lines.map(
      async (next) =>
        JSON.parse(await next()) as {
          transitions: number;
          started: number;
          ended: number;
          retries: number;
          statements: number;
          latencies: number[];
        },
    ),
  );
  await admin.client.exec(`DROP SCHEMA "${schema}" CASCADE`);
  await admin.close();
  const transitions = results.reduce((sum, r) => sum + r.transitions, 0);
  const seconds =
    (Math.max(...results.map((r) => r.ended)) - Math.min(...results.map((r) => r.started))) / 1000;
  const retries = results.reduce((sum, r) => sum + r.retries, 0);
  const statements = results.reduce((sum, r) => sum + r.statements, 0) / transitions;
  const latencies = results.flatMap((r) => r.latencies);
  const p50 = percentile(latencies, 50).toFixed(1);
  const p99 = percentile(latencies, 99).toFixed(1);
  return row(
    `server, ${PROCESSES} processes (${perProcess} runs each)`,
    transitions,
    seconds,
    statements,
    `p50 ${p50} ms, p99 ${p99} ms (${retries} retried transactions)`,
  );
}

async function main(): Promise<void> {
  if (values.child !== undefined) return child(values.child);
  if (!Number.isInteger(RUNS) || RUNS < 1)
    throw new Error(`--runs must be a positive integer, got ${values.runs}.`);
  const url = process.env['PM_POSTGRES_URL'];
  const rows = [
    `${'store'.padEnd(36)} ${'trans.'.padStart(7)} ${'seconds'.padStart(8)} ${'trans./s'.padStart(9)} ${'stmts/trans'.padStart(11)}`,
  ];
  rows.push(await measureOne('in-memory, 1 engine', new InMemoryOrionStore()));
  const pglite = await openStore(undefined, 'bench');
  rows.push(await measureOne('PGlite, 1 engine', pglite));
  await pglite.close();
  if (url === undefined || url === '') {
    rows.push('server rows skipped: set PM_POSTGRES_URL');
  } else {
    const schema = `pm_bench_one_${process.pid}`;
    const server = await openStore(url, schema);
    rows.push(await measureOne('server, 1 engine (pool of 8)', server));
    await server.client.exec(`DROP SCHEMA "${schema}" CASCADE`);
    await server.close();
    rows.push(await measureProcesses(url));
  }
  process.stdout.write(
    `${rows.join('\n')}\n(${RUNS} task runs, 3 transitions each plus WAIT retries, ${IN_FLIGHT} in flight per engine, half under a tag limit of ${TAG_LIMIT})\n`,
  );
}

await main();
