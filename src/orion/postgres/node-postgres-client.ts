/**
 * `connectNodePostgres`: a `SqlClient` on a PostgreSQL server through node-postgres
 * (`pg`), one connection pool per client. The driver is imported when this is called,
 * so code that never connects to a server never loads it.
 */
import type { SqlClient, SqlQueryable } from './sql-client.ts';

/**
 * Where and how to connect. Declared here rather than borrowed from the driver's types,
 * so that this package's declarations compile in projects that never install `pg` or
 * its type package.
 */
export interface NodePostgresOptions {
  /** `postgres://user:password@host:port/database`. */
  url: string;
  /** The most connections the pool opens (default 10). */
  max?: number;
  /** Any other option of node-postgres's `Pool`, passed on as given. */
  [poolOption: string]: unknown;
}

/**
 * Opens a pool on `options.url` (other options go to `pg.Pool`; `max` defaults to 10)
 * and checks that the server answers. Throws with the server's reason when it does not.
 */
export async function connectNodePostgres(options: NodePostgresOptions): Promise<SqlClient> {
  const { default: pg } = await import('pg');
  const { url, ...poolOptions } = options;
  const pool = new pg.Pool({ max: 10, ...poolOptions, connectionString: url });
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw new Error(
      `Cannot connect to the PostgreSQL server at ${redactedUrl(url)}: ${(error as Error).message}. Check that the server runs and the URL is right.`,
      { cause: error },
    );
  }
  const queryable = (client: Pick<import('pg').PoolClient, 'query'>): SqlQueryable => ({
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(sql, params as unknown[]);
      return result.rows as Row[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  });
  return {
    ...queryable(pool),
    async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
        const result = await work(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError as Error; // the connection is unusable: drop it from the pool
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

/** The URL without its password, for error messages. */
function redactedUrl(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
}
