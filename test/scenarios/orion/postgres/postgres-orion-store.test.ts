/**
 * What the PostgreSQL store adds to the port, on the embedded database: migrations,
 * the retry of serialization failures and deadlocks, and rollback when a statement
 * failed even if the work carried on. (The Orion suites cover the port itself, on
 * every store.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCacheEntry } from './support/cache-entry.ts';
import {
  connectPglite,
  migrate,
  MIGRATIONS,
  openPostgresOrionStore,
  PostgresOrionStore,
  SchemaTooNewError,
  TransactionRetriesExhaustedError,
  type SqlClient,
} from '../../../../src/orion/postgres/index.ts';

let client: SqlClient;
let schemas = 0;
const freshSchema = (): string => `store_test_${++schemas}`;

beforeAll(async () => {
  client = await connectPglite();
});
afterAll(async () => {
  await client.close();
});

/** An error as the drivers report a failed statement: the SQLSTATE in `code`. */
function sqlError(code: string): Error {
  return Object.assign(new Error(`simulated SQLSTATE ${code}`), { code });
}

describe(migrate.name, () => {
  it('creates the tables once, records each version, and applies nothing the second time', async () => {
    const schema = freshSchema();
    expect(await migrate(client, schema)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await migrate(client, schema)).toEqual([]);
    const rows = await client.query(`SELECT version, name FROM "${schema}".schema_migrations`);
    expect(rows).toEqual([{ version: 1, name: 'initial' }]);
  });

  it('refuses a schema newer than the code, changing nothing', async () => {
    const schema = freshSchema();
    await migrate(client, schema);
    await client.query(
      `INSERT INTO "${schema}".schema_migrations (version, name) VALUES (99, 'future')`,
    );
    await expect(PostgresOrionStore.open({ client, schema, ownsClient: false })).rejects.toThrow(
      new SchemaTooNewError(
        `The schema "${schema}" is at version 99, newer than this policy-matrix knows (1): upgrade policy-matrix, or point the store at another schema.`,
      ),
    );
  });
});

describe(PostgresOrionStore.name, () => {
  const open = (maxAttempts = 3) =>
    PostgresOrionStore.open({
      client,
      schema: freshSchema(),
      ownsClient: false,
      maxAttempts,
      retryBaseDelayMs: 1,
    });

  it('runs the work again after a deadlock or serialization failure, and commits only the last attempt', async () => {
    const store = await open();
    const flow = await store.addFlowRun({ id: 'flow-1' });
    let attempts = 0;
    const result = await store.transaction(async (session) => {
      attempts++;
      const run = await session.readFlowRun(flow.id);
      run!.runCount += 1;
      if (attempts === 1) throw sqlError('40P01');
      if (attempts === 2) throw sqlError('40001');
      return 'done';
    });
    expect(result).toBe('done');
    expect(attempts).toBe(3);
    expect(store.retries).toBe(2);
    expect((await store.flowRun(flow.id))?.runCount).toBe(1);
  });

  it('gives up after maxAttempts, rolled back, with the last failure as the cause', async () => {
    const store = await open(2);
    const last = sqlError('40P01');
    const failing = store.transaction(async () => {
      throw last;
    });
    await expect(failing).rejects.toThrow(
      new TransactionRetriesExhaustedError(
        'A store transaction failed 2 times on a serialization failure or deadlock (last: simulated SQLSTATE 40P01) and was rolled back each time: reduce contention on the same runs and tags, or raise maxAttempts (now 2).',
        { cause: last },
      ),
    );
    await expect(failing.catch((error: Error) => error.cause)).resolves.toBe(last);
  });

  it('does not retry other errors, and rolls back everything the work wrote', async () => {
    const store = await open();
    const flow = await store.addFlowRun({ id: 'flow-1' });
    let attempts = 0;
    await expect(
      store.transaction(async (session) => {
        attempts++;
        (await session.readFlowRun(flow.id))!.runCount = 7;
        await session.insertCacheEntry(createCacheEntry('K'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(attempts).toBe(1);
    expect((await store.flowRun(flow.id))?.runCount).toBe(0);
    expect(await store.cacheEntries()).toEqual([]);
  });

  it('rolls back and throws the statement’s error when the work carries on after a failed statement', async () => {
    const store = await open();
    const outcome = store.transaction(async (session) => {
      await session.insertCacheEntry(createCacheEntry('K'));
      // A value the server cannot read as a timestamp fails the statement, which
      // aborts the transaction; the work swallows the error and resolves.
      await Promise.resolve(session.readCacheEntry('K', 'not a date' as unknown as Date)).catch(
        () => null,
      );
      return 'carried on';
    });
    await expect(outcome).rejects.toMatchObject({ code: '22007' });
    expect(await store.cacheEntries()).toEqual([]);
  });

  it('throws when a session is used after its transaction ended', async () => {
    const store = await open();
    const session = await store.transaction(async (s) => s);
    await expect(session.readFlowRun('x')).rejects.toThrow(
      'This store session was used after its transaction ended: keep session use inside the transaction callback.',
    );
  });
});

describe(openPostgresOrionStore.name, () => {
  it('rejects a URL that is not a PostgreSQL one', async () => {
    await expect(openPostgresOrionStore({ url: 'mysql://localhost/db' })).rejects.toThrow(
      'Expected a PostgreSQL URL such as postgres://user@localhost:5432/db, got "mysql://localhost/db".',
    );
  });
});
