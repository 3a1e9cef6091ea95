/**
 * The stores the Orion suites run on, chosen by `PM_ORION_STORE`: `memory` (the
 * default), `pglite` (the embedded PostgreSQL) or `postgres` (the server at
 * `PM_POSTGRES_URL`). Every harness gets an empty store: on PostgreSQL a fresh schema
 * in a database shared by the whole test worker (starting PGlite costs seconds, a
 * schema milliseconds). On a server the `pm_test_*` schemas stay behind: point
 * PM_POSTGRES_URL at a throwaway database.
 */
import { seededRandom } from '../../../../src/index.ts';
import {
  InMemoryOrionStore,
  type OrionRunStore,
  type OrionSession,
} from '../../../../src/orion/index.ts';
import { sharedPglite } from '../../../../src/testing/orion/test-bed-store.ts';
import {
  connectNodePostgres,
  PostgresOrionStore,
  type SqlClient,
} from '../../../../src/orion/postgres/index.ts';

export type StoreKind = 'memory' | 'pglite' | 'postgres';

/** The store the suites run on in this process. */
export const STORE_KIND: StoreKind = storeKind(process.env['PM_ORION_STORE']);

function storeKind(value: string | undefined): StoreKind {
  if (value === undefined || value === '' || value === 'memory') return 'memory';
  if (value === 'pglite' || value === 'postgres') return value;
  throw new Error(
    `PM_ORION_STORE must be memory, pglite or postgres, got ${JSON.stringify(value)}.`,
  );
}

/** The server URL the `postgres` runs use; throws when it is not set. */
export function postgresUrl(): string {
  const url = process.env['PM_POSTGRES_URL'];
  if (url === undefined || url === '') {
    throw new Error(
      'PM_ORION_STORE=postgres needs PM_POSTGRES_URL (postgres://user@host:port/db): start a server, e.g. scripts/postgres/start-throwaway-cluster.sh.',
    );
  }
  return url;
}

/** A new, empty store of `STORE_KIND`, usable at once (a PostgreSQL one opens in the background). */
export function createTestStore(): OrionRunStore {
  if (STORE_KIND === 'memory') return new InMemoryOrionStore({ random: seededRandom(11) });
  return deferredStore(
    sharedClient().then((client) =>
      PostgresOrionStore.open({
        client,
        schema: freshSchemaName(),
        random: seededRandom(11),
        ownsClient: false,
      }),
    ),
  );
}

/** The worker's database, opened on first use and kept for the worker's life. */
function sharedClient(): Promise<SqlClient> {
  const holder = globalThis as { __policyMatrixTestClient?: Promise<SqlClient> };
  holder.__policyMatrixTestClient ??=
    STORE_KIND === 'pglite'
      ? sharedPglite() // the testing kit's, so the kit's suites and these share one
      : connectNodePostgres({ url: postgresUrl(), max: 4, allowExitOnIdle: true });
  return holder.__policyMatrixTestClient;
}

let schemas = 0;

/** A schema name no other harness, worker or run uses. */
function freshSchemaName(): string {
  const suffix = Math.floor(Math.random() * 36 ** 6).toString(36);
  return `pm_test_${process.pid}_${++schemas}_${suffix}`;
}

/** An `OrionRunStore` whose every call waits for `opening` first. */
function deferredStore(opening: Promise<PostgresOrionStore>): OrionRunStore {
  // Keep an early failure from being reported as unhandled before a test awaits it.
  opening.catch(() => undefined);
  return {
    transaction: async <T>(work: (session: OrionSession) => Promise<T>) =>
      (await opening).transaction(work),
    addFlowRun: async (init) => (await opening).addFlowRun(init),
    addTaskRun: async (init) => (await opening).addTaskRun(init),
    setConcurrencyLimit: async (tag, limit, slots) =>
      (await opening).setConcurrencyLimit(tag, limit, slots),
    deleteConcurrencyLimit: async (tag) => (await opening).deleteConcurrencyLimit(tag),
    flowRun: async (id) => (await opening).flowRun(id),
    taskRun: async (id) => (await opening).taskRun(id),
    concurrencyLimit: async (tag) => (await opening).concurrencyLimit(tag),
    stateHistory: async (kind, runId) => (await opening).stateHistory(kind, runId),
    cacheEntries: async () => (await opening).cacheEntries(),
    contents: async () => (await opening).contents(),
  };
}
