/**
 * `policy-matrix/orion/postgres`: the Orion store on PostgreSQL, embedded (PGlite) or on
 * a server (node-postgres). A separate entry point, so programs that never use it never
 * load the drivers; both are optional peer dependencies, imported on connect.
 */
export { PostgresOrionStore, type PostgresOrionStoreOptions } from './postgres-orion-store.ts';
export {
  openPostgresOrionStore,
  type OpenPostgresOrionStoreOptions,
} from './open-postgres-orion-store.ts';
export {
  connectPglite,
  pgliteClient,
  type PgliteDatabase,
  type PgliteOptions,
  type PgliteQueryable,
} from './pglite-client.ts';
export {
  connectNodePostgres,
  NODE_POSTGRES_DEFAULTS,
  type NodePostgresOptions,
} from './node-postgres-client.ts';
export {
  sqlState,
  type SqlClient,
  type SqlQueryable,
  type StatementCounter,
} from './sql-client.ts';
export { migrate, SchemaTooNewError } from './migrate.ts';
export { MIGRATIONS, type Migration } from './migrations/migrations.ts';
export { isRetryable, RETRYABLE_SQLSTATES } from './transaction-retry.ts';
export {
  CommitOutcomeUnknownError,
  ConnectionLostError,
  DataDirLockedError,
  LockTimeoutError,
  PoolTimeoutError,
  StatementTimeoutError,
  StoreError,
  TransactionRetriesExhaustedError,
  type StoreErrorCode,
} from './store-errors.ts';
