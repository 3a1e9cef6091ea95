/**
 * `connectNodePostgres`: a `SqlClient` on a PostgreSQL server through node-postgres
 * (`pg`). Transactions get their connections from one pool; plain reads from a second,
 * small pool, so that reads never queue behind transactions waiting on a row lock (a
 * read takes no lock and waits on none). The driver is imported when this is called,
 * so code that never connects to a server never loads it.
 *
 * A dropped connection is an error, never a crash: both pools and every checked-out
 * connection have an `error` listener, a failed call rejects with the store's typed
 * error (`ConnectionLostError`, or `CommitOutcomeUnknownError` when COMMIT was on its
 * way), and the pool opens a fresh connection for the next call.
 */
import { createRequire } from 'node:module';
import type { SqlClient, SqlQueryable, StatementCounter } from './sql-client.ts';
import {
  CommitOutcomeUnknownError,
  isConnectionFailure,
  PoolTimeoutError,
  typedStoreError,
} from './store-errors.ts';

/**
 * Where and how to connect. Declared here rather than borrowed from the driver's types,
 * so that this package's declarations compile in projects that never install `pg` or
 * its type package. Every timeout is in milliseconds; 0 turns it off.
 */
export interface NodePostgresOptions {
  /** `postgres://user:password@host:port/database`. */
  url: string;
  /** The most connections the transaction pool opens (default 10). */
  max?: number;
  /** The most connections the pool of plain reads opens (default 2). */
  readPoolSize?: number;
  /**
   * The longest a statement waits for one lock held by another transaction before it
   * fails with `LockTimeoutError` (server `lock_timeout`). Default 5 000: PostgreSQL
   * times each lock it waits for, and a call queued behind other waiters of the same row
   * waits twice (the row's tuple lock, then the holder's transaction), so by default no
   * call waits more than about 10 s on a row held elsewhere.
   */
  lockTimeoutMs?: number;
  /**
   * The longest one statement may run, lock waits included, before the server cancels
   * it (`statement_timeout`, `StatementTimeoutError`). Default 30 000.
   */
  statementTimeoutMs?: number;
  /**
   * The longest a transaction may sit idle between two statements before the server
   * ends its connection, releasing its locks (`idle_in_transaction_session_timeout`):
   * the bound on what a stalled process holds. Default 60 000.
   */
  idleInTransactionTimeoutMs?: number;
  /** The longest opening one connection may take. Default 5 000. */
  connectTimeoutMs?: number;
  /**
   * The longest a call waits to be handed a connection (a pooled one to come free, or
   * a new one to open) before it fails with `PoolTimeoutError`. Default 30 000: long
   * enough to ride out a burst of transitions queueing on hot rows (each waits at most
   * the lock timeout), short enough that an engine whose every connection is stuck says so.
   */
  poolTimeoutMs?: number;
  /** Any other option of node-postgres's `Pool`, passed on as given. */
  [poolOption: string]: unknown;
}

/** The defaults of the timeouts (see `NodePostgresOptions`). */
export const NODE_POSTGRES_DEFAULTS = {
  max: 10,
  readPoolSize: 2,
  lockTimeoutMs: 5_000,
  statementTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 60_000,
  connectTimeoutMs: 5_000,
  poolTimeoutMs: 30_000,
} as const;

/** node-postgres's own conversion of a parameter to the text it sends (null stays null). */
let driverPrepareValue: ((value: unknown) => string | Buffer | null) | undefined;
function prepareValue(value: unknown): string | Buffer | null {
  driverPrepareValue ??= (
    createRequire(import.meta.url)('pg/lib/utils') as {
      prepareValue: (value: unknown) => string | Buffer | null;
    }
  ).prepareValue;
  return driverPrepareValue(value);
}

type Pool = import('pg').Pool;
type PoolClient = import('pg').PoolClient;

/**
 * Opens the pools on `options.url` (other options go to `pg.Pool`) and checks that the
 * server answers. Throws with the server's reason when it does not.
 */
export async function connectNodePostgres(options: NodePostgresOptions): Promise<SqlClient> {
  const { default: pg } = await import('pg');
  const {
    url,
    max,
    readPoolSize,
    lockTimeoutMs,
    statementTimeoutMs,
    idleInTransactionTimeoutMs,
    connectTimeoutMs,
    poolTimeoutMs,
    ...poolOptions
  } = { ...NODE_POSTGRES_DEFAULTS, ...definedOnly(options), url: options.url };
  for (const [name, value] of Object.entries({
    max,
    readPoolSize,
    lockTimeoutMs,
    statementTimeoutMs,
    idleInTransactionTimeoutMs,
    connectTimeoutMs,
    poolTimeoutMs,
  })) {
    if (!Number.isInteger(value) || value < 0 || (value === 0 && /max|Size/.test(name))) {
      throw new TypeError(
        `connectNodePostgres: ${name} must be a whole number of ${/Ms$/.test(name) ? 'milliseconds >= 0' : 'connections >= 1'}, got ${String(value)}.`,
      );
    }
  }
  // The client reads its own connect timeout; the pool's `connectionTimeoutMillis` is
  // the wait for a connection to be handed out (queued or opened).
  class TimedClient extends pg.Client {
    constructor(config?: import('pg').ClientConfig) {
      super({ ...config, connectionTimeoutMillis: connectTimeoutMs });
      // Every connection always has a listener for `error`: the pool's while it is idle
      // and `withConnection`'s while it is out, but a connection between the two (handed
      // to a waiter whose promise has not resumed yet) would otherwise have none, and an
      // `error` nobody hears ends the process. The failure itself reaches the statement
      // that was running, and the pool drops a connection that is no longer queryable.
      this.on('error', () => {});
    }
  }
  const poolConfig = (size: number): import('pg').PoolConfig => ({
    ...poolOptions,
    connectionString: url,
    max: size,
    Client: TimedClient,
    connectionTimeoutMillis: poolTimeoutMs,
    // Sent at connection start-up: no statement of its own per transaction.
    lock_timeout: lockTimeoutMs,
    statement_timeout: statementTimeoutMs,
    idle_in_transaction_session_timeout: idleInTransactionTimeoutMs,
  });
  const pool = new pg.Pool(poolConfig(max));
  const readPool = new pg.Pool(poolConfig(readPoolSize));
  // An idle pooled connection that drops (server restart, pg_terminate_backend) emits
  // `error` on its pool; the pool has already discarded it and opens a new one when
  // needed, so there is nothing to do but not crash.
  for (const p of [pool, readPool]) p.on('error', () => {});
  const counter: StatementCounter = { statements: 0 };

  try {
    await readPool.query('SELECT 1');
  } catch (error) {
    await Promise.all([pool.end(), readPool.end()]);
    throw new Error(
      `Cannot connect to the PostgreSQL server at ${redactedUrl(url)}: ${(error as Error).message}. Check that the server runs and the URL is right.`,
      { cause: error },
    );
  }

  const checkout = async (from: Pool): Promise<PoolClient> => {
    try {
      return await from.connect();
    } catch (error) {
      if ((error as Error).message === 'timeout exceeded when trying to connect') {
        throw new PoolTimeoutError(
          `No database connection came free within ${poolTimeoutMs} ms (all ${from.options.max} are busy): nothing was sent; call again later, or raise poolSize.`,
          { cause: error },
        );
      }
      throw typedStoreError(error);
    }
  };
  const run = async (client: PoolClient, sql: string, params?: readonly unknown[]) => {
    counter.statements++;
    return client.query(sql, params as unknown[] | undefined);
  };

  return {
    counter,
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      return withConnection(
        readPool,
        async (client) => (await run(client, sql, params)).rows as Row[],
      );
    },
    async exec(sql: string) {
      await withConnection(pool, (client) => run(client, sql));
    },
    async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      return withConnection(pool, async (client, markBroken) => {
        // BEGIN travels with the first statement, in one round trip: the simple query
        // protocol takes several statements but no parameters, so that statement's
        // parameters are written into it as literals, exactly as the server would read
        // them as untyped parameters (node-postgres sends every parameter untyped, as text).
        let begun = false;
        const tx: SqlQueryable = {
          async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
            if (begun) return (await run(client, sql, params)).rows as Row[];
            begun = true;
            counter.statements++;
            const results = (await run(
              client,
              `${BEGIN}; ${withLiterals(sql, params, pg.escapeLiteral)}`,
            )) as unknown as import('pg').QueryResult[];
            return results[1]!.rows as Row[];
          },
          async exec(sql: string) {
            if (!begun) {
              begun = true;
              await run(client, BEGIN);
            }
            await run(client, sql);
          },
        };
        let result: T;
        try {
          result = await work(tx);
        } catch (error) {
          if (!begun) throw error;
          try {
            await run(client, 'ROLLBACK');
          } catch {
            markBroken(); // the connection is unusable: the server rolls back when it goes
          }
          throw error;
        }
        if (!begun) return result; // nothing was sent: nothing to commit
        try {
          await run(client, 'COMMIT');
        } catch (error) {
          if (!isConnectionFailure(error)) throw error; // the server answered: rolled back
          markBroken();
          throw new CommitOutcomeUnknownError(
            `The connection dropped while the transaction was committing (${(error as Error).message}): it may or may not have committed. Call again with the same state id (the engine's stateId option): a transition that did commit is then returned, not applied twice.`,
            { cause: error },
          );
        }
        return result;
      });
    },
    close: () => Promise.all([pool.end(), readPool.end()]).then(() => undefined),
  };

  /**
   * Runs `use` on a connection checked out of `from`, with an `error` listener while it
   * is out (a connection that drops mid-call emits `error` as well as failing the
   * statement: unheard, that event would end the process). A connection that failed
   * is destroyed rather than returned to the pool. Driver errors come out typed.
   */
  async function withConnection<T>(
    from: Pool,
    use: (client: PoolClient, markBroken: () => void) => Promise<T>,
  ): Promise<T> {
    const client = await checkout(from);
    let broken: Error | undefined;
    const onError = (error: Error) => (broken ??= error);
    client.on('error', onError);
    try {
      return await use(client, () => (broken ??= new Error('connection failed')));
    } catch (error) {
      if (isConnectionFailure(error)) broken ??= error as Error;
      throw typedStoreError(error);
    } finally {
      // A broken connection keeps its listener: it may still report its end.
      if (broken === undefined) client.off('error', onError);
      client.release(broken ?? false);
    }
  }
}

const BEGIN = 'BEGIN ISOLATION LEVEL READ COMMITTED';

/**
 * `sql` with its parameters `$1`, `$2`, … replaced by literals (NULL, or the text
 * node-postgres would send, quoted). Placeholders inside quoted literals and
 * identifiers are left alone.
 */
export function withLiterals(
  sql: string,
  params: readonly unknown[],
  escapeLiteral: (text: string) => string,
): string {
  return sql.replace(TOKENS, (token, number: string | undefined) => {
    if (number === undefined) return token; // a quoted literal or identifier
    const index = Number(number) - 1;
    if (index < 0 || index >= params.length) {
      throw new RangeError(`Statement parameter ${token} has no value.`);
    }
    const value = prepareValue(params[index]);
    if (value === null) return 'NULL';
    return escapeLiteral(typeof value === 'string' ? value : `\\x${value.toString('hex')}`);
  });
}

/** Quoted literals and identifiers (left alone), and placeholders `$n`. */
const TOKENS = /'[^']*'|"[^"]*"|\$(\d+)/g;

/** The URL without its password, for error messages. */
function redactedUrl(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
