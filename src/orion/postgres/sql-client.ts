/**
 * `SqlClient`: the one small interface both drivers sit behind, so one schema and one
 * SQL dialect (PostgreSQL's, `$1` parameters) serve the embedded database and a server.
 */

/** Something that runs one statement: a whole client, or one open transaction. */
export interface SqlQueryable {
  /**
   * Runs `sql` with `params` (`$1`, `$2`, …) and returns its rows. Rejects with the
   * driver's error, which carries PostgreSQL's SQLSTATE in `code`, or (node-postgres,
   * outside a transaction's work) with the store's typed error for a lost connection or
   * a timeout (`store-errors.ts`).
   */
  query<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface SqlClient extends SqlQueryable {
  /**
   * Runs `work` in one READ COMMITTED transaction on one connection: COMMIT when its
   * promise resolves, ROLLBACK when it rejects (the rejection is then passed on). A
   * connection lost during COMMIT rejects with `CommitOutcomeUnknownError`.
   */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** Closes the connections (or the embedded database). */
  close(): Promise<void>;
  /** Counts the statements sent, for benchmarks and tests; absent on clients that do not count. */
  readonly counter?: StatementCounter;
}

/** How many statements a client has sent (BEGIN, COMMIT and ROLLBACK included). */
export interface StatementCounter {
  statements: number;
}

export { sqlState } from './store-errors.ts';
