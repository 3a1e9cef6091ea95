/**
 * `TransactionScope`: which store transaction the current async flow is inside, kept
 * in an `AsyncLocalStorage`. `InMemoryOrionStore` runs each transaction's work in a
 * scope and refuses a transaction or store call started from inside an open scope of
 * the same store: such a call would queue behind the transaction that is waiting for
 * it, and wait forever. Calls from independent flows see no scope and queue as usual.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export class TransactionScope {
  /** The store whose transaction this is. */
  readonly store: object;
  /** True until the transaction commits or rolls back. */
  open = true;

  constructor(store: object) {
    this.store = store;
  }
}

const current = new AsyncLocalStorage<TransactionScope>();

/** Runs `work` with `scope` as the current scope of its async flow. */
export function runInTransactionScope<T>(scope: TransactionScope, work: () => T): T {
  return current.run(scope, work);
}

/**
 * Makes `scope` the current scope of the calling async flow from here on: for code
 * that holds a transaction open across awaits of its caller (the testing kit's
 * `begin`). Must be called synchronously from the caller's frame to mark the caller.
 */
export function enterTransactionScope(scope: TransactionScope): void {
  current.enterWith(scope);
}

/** The open transaction of `store` that the current async flow is inside, or null. */
export function openTransactionOf(store: object): TransactionScope | null {
  const scope = current.getStore();
  return scope !== undefined && scope.open && scope.store === store ? scope : null;
}
