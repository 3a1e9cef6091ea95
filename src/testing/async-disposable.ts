/**
 * The two global declarations of explicit resource management that the kit's handles
 * use (`Symbol.asyncDispose`, `AsyncDisposable`), declared exactly as TypeScript's
 * `esnext.disposable` library and Node's type package declare them, so that the kit's
 * declarations compile in a project that has neither. Where one of them is present the
 * declarations merge.
 */
declare global {
  interface SymbolConstructor {
    readonly asyncDispose: unique symbol;
  }

  interface AsyncDisposable {
    [Symbol.asyncDispose](): PromiseLike<void>;
  }
}

/** The kit's handles: disposable with `await using`. */
export type KitAsyncDisposable = AsyncDisposable;
