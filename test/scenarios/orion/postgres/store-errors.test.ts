/**
 * How driver errors become the store's typed errors, and how a statement's parameters
 * are written as literals when it travels with BEGIN.
 */
import { describe, expect, it } from 'vitest';
import { withLiterals } from '../../../../src/orion/postgres/node-postgres-client.ts';
import {
  ConnectionLostError,
  LockTimeoutError,
  StatementTimeoutError,
  sqlState,
} from '../../../../src/orion/postgres/index.ts';
import {
  isConnectionFailure,
  typedStoreError,
} from '../../../../src/orion/postgres/store-errors.ts';

const driverError = (message: string, code?: string) =>
  Object.assign(new Error(message), code === undefined ? {} : { code });

describe(typedStoreError.name, () => {
  it('makes a lock timeout, a statement timeout and a dropped connection typed and retryable, keeping the cause and SQLSTATE', () => {
    const lock = driverError('canceling statement due to lock timeout', '55P03');
    expect(typedStoreError(lock)).toBeInstanceOf(LockTimeoutError);
    expect(typedStoreError(lock)).toMatchObject({
      code: 'lock-timeout',
      retryable: true,
      sqlState: '55P03',
      cause: lock,
    });
    expect(
      typedStoreError(driverError('canceling statement due to statement timeout', '57014')),
    ).toBeInstanceOf(StatementTimeoutError);
    for (const error of [
      driverError('terminating connection due to administrator command', '57P01'),
      driverError('the database system is starting up', '57P03'),
      driverError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      driverError('Connection terminated unexpectedly'),
    ]) {
      expect(typedStoreError(error)).toBeInstanceOf(ConnectionLostError);
      expect(typedStoreError(error)).toMatchObject({
        code: 'connection-lost',
        retryable: true,
        cause: error,
      });
    }
  });

  it('passes other errors on unchanged', () => {
    const unique = driverError('duplicate key', '23505');
    expect(typedStoreError(unique)).toBe(unique);
    const bug = new TypeError('Do not know how to serialize a BigInt');
    expect(typedStoreError(bug)).toBe(bug);
    expect(isConnectionFailure(bug)).toBe(false);
  });

  it('reads a SQLSTATE only from a five-character code', () => {
    expect(sqlState(driverError('x', '40001'))).toBe('40001');
    expect(sqlState(driverError('x', 'ECONNRESET'))).toBeUndefined();
  });
});

describe(withLiterals.name, () => {
  const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
  it('writes each parameter as a literal, NULL for null, and leaves quoted text alone', () => {
    expect(
      withLiterals(
        `SELECT $1, $2::int, $10, '$1', "a$1" FROM t WHERE x = $1`,
        ["it's", 5, null, null, null, null, null, null, null, [1, 2]],
        quote,
      ),
    ).toBe(`SELECT 'it''s', '5'::int, '{"1","2"}', '$1', "a$1" FROM t WHERE x = 'it''s'`);
  });

  it('refuses a placeholder without a value', () => {
    expect(() => withLiterals('SELECT $2', ['a'], quote)).toThrow(
      'Statement parameter $2 has no value.',
    );
  });
});
