/**
 * The stores `OrionTestBed.open` creates, and how each is disposed of:
 *
 * - `'memory'`: a new `InMemoryOrionStore`; nothing to dispose of.
 * - `'pglite'`: a schema of its own in the embedded PostgreSQL (PGlite, in memory),
 *   dropped at dispose. The beds of one process share one embedded database, opened
 *   on first use, because starting one takes seconds; nothing is written to disk.
 * - `{ url }`: a schema of its own on the server at `url`, through a pool of its own;
 *   at dispose the schema is dropped and the pool closed.
 *
 * The database drivers are loaded only when a database store is asked for (they are
 * optional peer dependencies of the package).
 */
import { randomUUID } from 'node:crypto';
import type { RandomSource } from '../../random-source.ts';
import { InMemoryOrionStore } from '../../orion/store/in-memory-orion-store.ts';
import type { OrionRunStore } from '../../orion/store/orion-run-store.ts';
import type { SqlClient } from '../../orion/postgres/sql-client.ts';

/** Which store a test bed opens. */
export type TestBedStoreChoice = 'memory' | 'pglite' | { url: string };

/** Where a database store lives: for queries a test needs beyond the store's API. */
export interface TestBedDatabase {
  /** The client (on PGlite, shared by the process's beds; on a server, the bed's pool). */
  client: SqlClient;
  /** The bed's own schema, dropped at dispose. */
  schema: string;
}

export interface OpenedTestBedStore {
  store: OrionRunStore;
  database: TestBedDatabase | null;
  /**
   * Drops what the store created (a schema) and closes what it opened (a pool). A
   * function, not a method: the bed keeps it and calls it on its own.
   */
  dispose: () => Promise<void>;
}

export async function openTestBedStore(
  choice: TestBedStoreChoice,
  random: RandomSource,
): Promise<OpenedTestBedStore> {
  if (choice === 'memory') {
    return {
      store: new InMemoryOrionStore({ random }),
      database: null,
      dispose: async () => {},
    };
  }
  const postgres = await import('../../orion/postgres/index.ts');
  let client: SqlClient;
  let ownsClient: boolean;
  if (choice === 'pglite') {
    client = await sharedPglite();
    ownsClient = false;
  } else if (typeof choice === 'object' && choice !== null && typeof choice.url === 'string') {
    if (!/^postgres(ql)?:\/\//.test(choice.url)) {
      throw new TypeError(
        `OrionTestBed.open: store.url must be a PostgreSQL URL such as postgres://user@localhost:5432/db, got ${JSON.stringify(choice.url)}.`,
      );
    }
    client = await postgres.connectNodePostgres({ url: choice.url, max: 4 });
    ownsClient = true;
  } else {
    throw new TypeError(
      `OrionTestBed.open: store must be 'memory', 'pglite' or { url: 'postgres://…' }, got ${describe(choice)}.`,
    );
  }
  const schema = `pm_test_bed_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const dropSchema = async (): Promise<void> => {
    try {
      await client.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      if (ownsClient) await client.close();
    }
  };
  let store: OrionRunStore;
  try {
    store = await postgres.PostgresOrionStore.open({ client, schema, random, ownsClient: false });
  } catch (error) {
    await dropSchema().catch(() => undefined); // the open error is the one to report
    throw error;
  }
  return { store, database: { client, schema }, dispose: dropSchema };
}

/** Where the process's embedded database is kept: one per process, whichever copy of the kit loaded it. */
const SHARED_PGLITE = Symbol.for('policy-matrix/testing: shared PGlite');

/**
 * The process's embedded database (in memory), opened on first use and kept for the
 * process's life; a failed opening is tried again next time. Internal: the repository's
 * test support shares it too.
 */
export function sharedPglite(): Promise<SqlClient> {
  const holder = globalThis as { [SHARED_PGLITE]?: Promise<SqlClient> };
  holder[SHARED_PGLITE] ??= import('../../orion/postgres/pglite-client.ts')
    .then(({ connectPglite }) => connectPglite())
    .catch((error: unknown) => {
      delete holder[SHARED_PGLITE];
      throw error;
    });
  return holder[SHARED_PGLITE];
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
