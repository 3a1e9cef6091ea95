/**
 * The scope of a test transaction (`OrionTestBed.begin`), and the error the kit throws
 * for a store call made from inside one. A test transaction holds its store until the
 * test commits or rolls back: the in-memory store's lock, PGlite's one connection, the
 * rows it locked on a server. A call from the test's own async flow would wait for the
 * test that waits for it (in memory, on PGlite, on a locked row), or run beside the
 * transaction under test on another connection; the kit refuses it on every store.
 */
import { openTransactionOf, TransactionScope } from '../../orion/store/transaction-scope.ts';

/** A `TransactionScope` opened by the testing kit, not by a store. */
export class TestTransactionScope extends TransactionScope {}

/** The open test transaction on `store` that the current async flow is inside, or null. */
export function openTestTransactionOf(store: object): TestTransactionScope | null {
  const scope = openTransactionOf(store);
  return scope instanceof TestTransactionScope ? scope : null;
}

/** The kit's error for `call` (`store.addFlowRun()`, `bed.flowRun()`, …) made inside a test transaction. */
export function callInsideTestTransactionError(call: string): Error {
  return new Error(
    `${call} was called while a test transaction of this OrionTestBed is open, in the same ` +
      'async flow. The transaction holds the store until the test ends it, so the call would ' +
      'wait for the test that waits for it, or run outside the transaction under test. Do the ' +
      'work through the transaction (tx.session, tx.insertFlowRun, tx.insertTaskRun, tx.context), ' +
      'or after tx.commit() or tx.rollback().',
  );
}
