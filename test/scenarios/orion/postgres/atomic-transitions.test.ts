/**
 * A transition commits whole or not at all, whatever the error, on PGlite and on the
 * server: data JSON cannot hold (a BigInt) fails inside the session, after the rules
 * changed the run and took a slot, and nothing of it may commit. And a proposal
 * retried with its state id is returned, not applied twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_RULE_SOURCES } from '../../../../scripts/generated-rule-sources.ts';
import { Completed, Pending, Running, SetStateStatus } from '../../../../src/index.ts';
import { OrionEngine } from '../../../../src/orion/index.ts';
import {
  connectNodePostgres,
  connectPglite,
  PostgresOrionStore,
  type SqlClient,
} from '../../../../src/orion/postgres/index.ts';
import { serverUrl } from './support/server-url.ts';

const SERVER_URL = serverUrl('atomic-transitions.test.ts');
const clients: SqlClient[] = [];
const made: { client: SqlClient; schema: string }[] = [];
afterAll(async () => {
  for (const { client, schema } of made) await client.exec(`DROP SCHEMA "${schema}" CASCADE`);
  for (const client of clients) await client.close();
});

/** One database per kind (PGlite starts slowly), a fresh schema per test. */
const databases = [
  { name: 'PGlite', connect: () => connectPglite() },
  ...(SERVER_URL === ''
    ? []
    : [{ name: 'the server', connect: () => connectNodePostgres({ url: SERVER_URL }) }]),
];
let schemas = 0;

describe.each(databases)('on $name', ({ connect }) => {
  let client: SqlClient;
  beforeAll(async () => {
    client = await connect();
    clients.push(client);
  }, 180_000); // PGlite starts slowly on a busy machine

  async function runningTask() {
    const schema = `atomic_${process.pid}_${++schemas}`;
    const store = await PostgresOrionStore.open({ client, schema, ownsClient: false });
    made.push({ client, schema });
    const engine = new OrionEngine({ store, policies: GENERATED_RULE_SOURCES });
    await store.setConcurrencyLimit('db', 1);
    await store.addFlowRun({ id: 'flow' });
    await engine.setFlowRunState('flow', Running(), { force: true });
    await store.addTaskRun({ id: 'task', flowRunId: 'flow', tags: ['db'] });
    await engine.setTaskRunState('task', Pending());
    const running = await engine.setTaskRunState('task', Running());
    expect(running.status).toBe(SetStateStatus.ACCEPT);
    return { store, engine, running: running.state! };
  }

  it('rolls the whole transition back when the state data cannot be stored (a BigInt): no run columns, no slot change, no artifact', async () => {
    const { store, engine, running } = await runningTask();
    const before = await store.contents();
    const outcome = engine.setTaskRunState('task', Completed({ data: { n: 10n } }));
    await expect(outcome).rejects.toThrow(/BigInt/);
    expect(await store.contents()).toEqual(before);
    const run = await store.taskRun('task');
    expect(run).toMatchObject({ stateId: running.id, stateType: 'RUNNING', endTime: null });
    expect((await store.concurrencyLimit('db'))?.activeSlots).toEqual(['task']);
    // The run is not stuck: a storable proposal goes through and frees the slot.
    const completed = await engine.setTaskRunState('task', Completed({ data: { n: 10 } }));
    expect(completed.status).toBe(SetStateStatus.ACCEPT);
    expect((await store.concurrencyLimit('db'))?.activeSlots).toEqual([]);
  });

  it('returns the committed result when a proposal is retried with the same state id, without applying it twice', async () => {
    const { store, engine } = await runningTask();
    const first = await engine.setTaskRunState('task', Completed({ data: 1 }), {
      stateId: 'done-1',
    });
    const again = await engine.setTaskRunState('task', Completed({ data: 1 }), {
      stateId: 'done-1',
    });
    expect(first).toMatchObject({ status: SetStateStatus.ACCEPT, state: { id: 'done-1' } });
    expect(again).toEqual(first);
    const history = await store.stateHistory('task', 'task');
    expect(history.map((state) => state.type)).toEqual(['PENDING', 'RUNNING', 'COMPLETED']);
    expect((await store.taskRun('task'))?.runCount).toBe(1);
  });
});
