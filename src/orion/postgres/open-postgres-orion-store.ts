/**
 * `openPostgresOrionStore`: the one call that picks a database and opens a store on it:
 * a `postgres://` URL connects to a server, anything else starts the embedded PGlite
 * (in memory, or in a folder).
 */
import type { RandomSource } from '../../random-source.ts';
import { connectNodePostgres, type NodePostgresOptions } from './node-postgres-client.ts';
import { connectPglite } from './pglite-client.ts';
import { PostgresOrionStore } from './postgres-orion-store.ts';

export interface OpenPostgresOrionStoreOptions {
  /** `postgres://…` or `postgresql://…`: a server. Omitted: the embedded database. */
  url?: string;
  /** Embedded only: the folder of the database files. Omitted: in memory. */
  dataDir?: string;
  /** Server only: the most connections the pool of transactions opens. Defaults to 10. */
  poolSize?: number;
  /** Server only: the timeouts, in milliseconds (see `NodePostgresOptions` for their defaults). */
  lockTimeoutMs?: NodePostgresOptions['lockTimeoutMs'];
  statementTimeoutMs?: NodePostgresOptions['statementTimeoutMs'];
  idleInTransactionTimeoutMs?: NodePostgresOptions['idleInTransactionTimeoutMs'];
  connectTimeoutMs?: NodePostgresOptions['connectTimeoutMs'];
  poolTimeoutMs?: NodePostgresOptions['poolTimeoutMs'];
  schema?: string;
  random?: RandomSource;
  maxAttempts?: number;
  connectionRetryDeadlineMs?: number;
}

/** Connects, migrates, and returns the store; `close()` on it closes the connection. */
export async function openPostgresOrionStore(
  options: OpenPostgresOrionStoreOptions = {},
): Promise<PostgresOrionStore> {
  const {
    url,
    dataDir,
    poolSize,
    lockTimeoutMs,
    statementTimeoutMs,
    idleInTransactionTimeoutMs,
    connectTimeoutMs,
    poolTimeoutMs,
    ...storeOptions
  } = options;
  if (url !== undefined && dataDir !== undefined) {
    throw new TypeError(
      'openPostgresOrionStore takes either url (a server) or dataDir (the embedded database), not both.',
    );
  }
  if (url !== undefined && !/^postgres(ql)?:\/\//.test(url)) {
    throw new TypeError(
      `Expected a PostgreSQL URL such as postgres://user@localhost:5432/db, got ${JSON.stringify(url)}.`,
    );
  }
  const client =
    url === undefined
      ? await connectPglite(dataDir === undefined ? {} : { dataDir })
      : await connectNodePostgres({
          url,
          max: poolSize,
          lockTimeoutMs,
          statementTimeoutMs,
          idleInTransactionTimeoutMs,
          connectTimeoutMs,
          poolTimeoutMs,
        });
  try {
    return await PostgresOrionStore.open({ ...storeOptions, client });
  } catch (error) {
    await client.close();
    throw error;
  }
}
