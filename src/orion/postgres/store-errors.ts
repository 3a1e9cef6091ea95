/**
 * The errors of the PostgreSQL store, in one place. Every one is a `StoreError`: a
 * `code` to switch on, `retryable` (whether running the same call again may succeed),
 * the SQLSTATE when the database gave one, and the driver's error as `cause`.
 *
 * | code                      | retryable | what the caller should do                                    |
 * | ------------------------- | --------- | ------------------------------------------------------------ |
 * | `connection-lost`         | yes       | nothing was committed: call again (later if the server is down) |
 * | `commit-outcome-unknown`  | yes       | the transition may or may not have committed: call again with the same `stateId`, which returns the committed result instead of applying it twice |
 * | `lock-timeout`            | yes       | a row it needs stayed locked elsewhere; nothing was committed: call again later |
 * | `statement-timeout`       | yes       | a statement ran too long and was cancelled; nothing was committed |
 * | `pool-timeout`            | yes       | no pooled connection came free in time; nothing was sent      |
 * | `retries-exhausted`       | yes       | lost every attempt to a serialization failure or deadlock; nothing was committed |
 * | `data-dir-locked`         | no        | another live process has the PGlite folder open: use that process, or another folder |
 */

export type StoreErrorCode =
  | 'connection-lost'
  | 'commit-outcome-unknown'
  | 'lock-timeout'
  | 'statement-timeout'
  | 'pool-timeout'
  | 'retries-exhausted'
  | 'data-dir-locked';

export interface StoreErrorOptions {
  cause?: unknown;
}

/** The base of the store's own errors. */
export abstract class StoreError extends Error {
  abstract readonly code: StoreErrorCode;
  /** Whether the same call, made again, may succeed. */
  abstract readonly retryable: boolean;
  /** The SQLSTATE of the database error behind this one, if any. */
  readonly sqlState: string | undefined;

  constructor(message: string, options: StoreErrorOptions = {}) {
    super(message, options.cause === undefined ? {} : { cause: options.cause });
    this.sqlState = sqlState(options.cause);
  }
}

/** The connection to the server failed or dropped before COMMIT was sent: nothing was committed. */
export class ConnectionLostError extends StoreError {
  override name = 'ConnectionLostError';
  readonly code = 'connection-lost';
  readonly retryable = true;
}

/**
 * The connection dropped while COMMIT was on its way: the transaction may have
 * committed or not. Retrying with the same state id (`stateId` option of the engine's
 * set-state calls) is safe.
 */
export class CommitOutcomeUnknownError extends StoreError {
  override name = 'CommitOutcomeUnknownError';
  readonly code = 'commit-outcome-unknown';
  readonly retryable = true;
}

/** A row lock stayed held elsewhere longer than `lockTimeoutMs` (SQLSTATE 55P03). */
export class LockTimeoutError extends StoreError {
  override name = 'LockTimeoutError';
  readonly code = 'lock-timeout';
  readonly retryable = true;
}

/** A statement ran longer than `statementTimeoutMs` and was cancelled (SQLSTATE 57014). */
export class StatementTimeoutError extends StoreError {
  override name = 'StatementTimeoutError';
  readonly code = 'statement-timeout';
  readonly retryable = true;
}

/** No pooled connection came free within `poolTimeoutMs`. */
export class PoolTimeoutError extends StoreError {
  override name = 'PoolTimeoutError';
  readonly code = 'pool-timeout';
  readonly retryable = true;
}

/** A transaction still failed on a serialization failure or deadlock after its last attempt. */
export class TransactionRetriesExhaustedError extends StoreError {
  override name = 'TransactionRetriesExhaustedError';
  readonly code = 'retries-exhausted';
  readonly retryable = true;
}

/** The PGlite folder is held by another live process (`pid`). */
export class DataDirLockedError extends StoreError {
  override name = 'DataDirLockedError';
  readonly code = 'data-dir-locked';
  readonly retryable = false;
  /** The folder and the process holding it. */
  readonly dataDir: string;
  readonly pid: number;

  constructor(message: string, dataDir: string, pid: number) {
    super(message);
    this.dataDir = dataDir;
    this.pid = pid;
  }
}

/**
 * The SQLSTATE of a driver error (five digits or capitals in `code`), or undefined when
 * it is not a database error (a network error's `code` such as `ECONNRESET` is not one).
 */
export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** SQLSTATEs and network error codes that mean the connection is gone or was never made. */
const CONNECTION_SQLSTATE_CLASSES = ['08']; // connection exception
const CONNECTION_SQLSTATES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, a fast or immediate shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: the server is starting or shutting down
  '53300', // too_many_connections
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** node-postgres reports a dropped or unusable connection with these messages and no code. */
const CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /not queryable/,
  /^Client was closed/,
  /^timeout expired/, // opening a connection took longer than connectTimeoutMs
];

/** True when `error` means the connection failed or dropped (not the statement). */
export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof ConnectionLostError) return true;
  if (error instanceof StoreError) return false;
  const state = sqlState(error);
  if (state !== undefined) {
    return (
      CONNECTION_SQLSTATES.has(state) || CONNECTION_SQLSTATE_CLASSES.includes(state.slice(0, 2))
    );
  }
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
  const message = (error as { message?: unknown }).message;
  return (
    typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message))
  );
}

/**
 * The store's typed error for a driver error, or the error itself when it has none
 * (a constraint violation, a bug): timeouts and dropped connections become
 * `LockTimeoutError`, `StatementTimeoutError`, `ConnectionLostError`.
 */
export function typedStoreError(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  const state = sqlState(error);
  const reason = (error as Error | undefined)?.message ?? String(error);
  if (state === '55P03') {
    return new LockTimeoutError(
      `A row this call needs stayed locked by another transaction past the lock timeout (${reason}); nothing was committed: call again later.`,
      { cause: error },
    );
  }
  if (state === '57014') {
    return new StatementTimeoutError(
      `A statement ran past the statement timeout and was cancelled (${reason}); nothing was committed.`,
      { cause: error },
    );
  }
  if (isConnectionFailure(error)) {
    return new ConnectionLostError(
      `The connection to the database failed before the transaction committed (${reason}); nothing was committed: call again.`,
      { cause: error },
    );
  }
  return error;
}
