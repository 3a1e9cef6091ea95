/**
 * Transitions per second of the Orion engine on each store, measured side by side on
 * the same workload: one engine on the in-memory store, on PGlite (embedded, in
 * memory) and on a PostgreSQL server, then 4 processes, each with its own engine and
 * pool, on the same server. Every task run goes PENDING → RUNNING → COMPLETED, half of
 * them under a shared tag limit (so slot rows are locked and contended), 16 in flight
 * per engine. Never run by `npm test`.
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
import { openPostgresOrionStore, type PostgresOrionStore } from '../../src/orion/postgres/index.ts';
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

/** Drives every run through its three transitions; returns the transitions made. */
async function drive(engine: OrionEngine, ids: readonly string[]): Promise<number> {
  let next = 0;
  let transitions = 0;
  const propose = async (id: string, state: ReturnType<typeof Pending>) => {
    for (;;) {
      const result = await engine.setTaskRunState(id, state);
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
  const started = performance.now();
  const transitions = await drive(engine, ids);
  const seconds = (performance.now() - started) / 1000;
  return row(label, transitions, seconds);
}

function row(label: string, transitions: number, seconds: number): string {
  return `${label.padEnd(34)} ${String(transitions).padStart(7)} ${seconds.toFixed(2).padStart(8)} ${Math.round(
    transitions / seconds,
  )
    .toString()
    .padStart(10)}`;
}

async function child(spec: string): Promise<void> {
  const { url, schema, index, runs } = JSON.parse(spec) as {
    url: string;
    schema: string;
    index: number;
    runs: number;
  };
  const store = await openPostgresOrionStore({ url, schema, poolSize: 8 });
  const prefix = `p${index}`;
  const ids = await prepare(store, runs, prefix);
  const engine = new OrionEngine({ store, policies: GENERATED_RULE_SOURCES });
  await runningFlows(engine, runs, prefix)();
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  process.stdin.destroy(); // the go signal is all it reads: let the process exit when done
  const started = Date.now();
  const transitions = await drive(engine, ids);
  process.stdout.write(
    `${JSON.stringify({ transitions, started, ended: Date.now(), retries: store.retries })}\n`,
  );
  await store.close();
}

async function measureProcesses(url: string): Promise<string> {
  const schema = `pm_bench_${process.pid}`;
  const admin = await openPostgresOrionStore({ url, schema });
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
        },
    ),
  );
  await admin.client.exec(`DROP SCHEMA "${schema}" CASCADE`);
  await admin.close();
  const transitions = results.reduce((sum, r) => sum + r.transitions, 0);
  const seconds =
    (Math.max(...results.map((r) => r.ended)) - Math.min(...results.map((r) => r.started))) / 1000;
  const retries = results.reduce((sum, r) => sum + r.retries, 0);
  return `${row(`server, ${PROCESSES} processes (${perProcess} runs each)`, transitions, seconds)}   (${retries} retried transactions)`;
}

async function main(): Promise<void> {
  if (values.child !== undefined) return child(values.child);
  if (!Number.isInteger(RUNS) || RUNS < 1)
    throw new Error(`--runs must be a positive integer, got ${values.runs}.`);
  const url = process.env['PM_POSTGRES_URL'];
  const rows = [
    `${'store'.padEnd(34)} ${'trans.'.padStart(7)} ${'seconds'.padStart(8)} ${'trans./s'.padStart(10)}`,
  ];
  rows.push(await measureOne('in-memory, 1 engine', new InMemoryOrionStore()));
  const pglite: PostgresOrionStore = await openPostgresOrionStore({ schema: 'bench' });
  rows.push(await measureOne('PGlite, 1 engine', pglite));
  await pglite.close();
  if (url === undefined || url === '') {
    rows.push('server rows skipped: set PM_POSTGRES_URL');
  } else {
    const schema = `pm_bench_one_${process.pid}`;
    const server = await openPostgresOrionStore({ url, schema, poolSize: 8 });
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
