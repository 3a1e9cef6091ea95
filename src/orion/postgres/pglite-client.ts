/**
 * `connectPglite`: a `SqlClient` on PGlite, PostgreSQL compiled to WebAssembly and run
 * inside this process: the embedded store needs no server. One PGlite database is one
 * connection, so its transactions run one at a time. The driver is imported when this
 * is called. A folder serves one process at a time: `connectPglite` takes its lock
 * (see `lockDataDir`) and `close` releases it.
 */
import { lockDataDir } from './data-dir-lock.ts';
import type { SqlClient, SqlQueryable, StatementCounter } from './sql-client.ts';

/**
 * The part of a PGlite transaction this client uses. Declared here rather than borrowed
 * from the driver's types, so that this package's declarations compile in projects that
 * never install PGlite.
 */
export interface PgliteQueryable {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  exec(sql: string): Promise<unknown>;
}

/** The part of a PGlite database (`new PGlite(...)`, `PGlite.create(...)`) this client uses. */
export interface PgliteDatabase extends PgliteQueryable {
  transaction<T>(work: (tx: PgliteQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface PgliteOptions {
  /**
   * Where the database files live (a folder, created when missing). Omitted: in
   * memory, gone when the process ends. Opening a folder another live process has open
   * throws `DataDirLockedError` naming that process.
   */
  dataDir?: string;
}

/** Starts an embedded database (about a second, more on a busy machine). */
export async function connectPglite(options: PgliteOptions = {}): Promise<SqlClient> {
  const { PGlite } = await import('@electric-sql/pglite');
  const lock = options.dataDir === undefined ? undefined : lockDataDir(options.dataDir);
  try {
    const db = await PGlite.create(
      options.dataDir === undefined ? {} : { dataDir: options.dataDir },
    );
    return pgliteClient(db, () => lock?.release());
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/**
 * A `SqlClient` over a PGlite database you opened yourself; `close` closes it, then
 * calls `onClose`. (Opening a folder yourself, you answer for one process per folder.)
 */
export function pgliteClient(db: PgliteDatabase, onClose: () => void = () => {}): SqlClient {
  const counter: StatementCounter = { statements: 0 };
  const queryable = (target: PgliteQueryable): SqlQueryable => ({
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      counter.statements++;
      const result = await target.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      counter.statements++;
      await target.exec(sql);
    },
  });
  return {
    ...queryable(db),
    counter,
    // PGlite's own transaction issues BEGIN, COMMIT and ROLLBACK, and queues the others.
    transaction: (work) => {
      counter.statements += 2;
      return db.transaction((tx) => work(queryable(tx)));
    },
    close: async () => {
      try {
        await db.close();
      } finally {
        onClose();
      }
    },
  };
}
