/**
 * The build plugin in webpack and Rspack. Their `make` hook (where unplugin would run
 * `buildStart`) runs in parallel with the entries being built, so the session runs
 * earlier, in `beforeCompile`, which finishes before any module is resolved. A failed
 * run becomes a compilation error; every file the evaluation loaded becomes a file
 * dependency of the compilation, so a watching compiler rebuilds (and regenerates) when
 * one changes.
 *
 * Only the hooks used here are typed (structurally): the two compilers share them.
 */
import type { BuildOutcome, BuildSession } from './build-session.ts';

interface Tap<Args extends unknown[]> {
  tap(name: string, callback: (...args: Args) => void): void;
}
interface TapPromise {
  tapPromise(name: string, callback: () => Promise<void>): void;
}

/** The compilation, as used here. */
interface WebpackLikeCompilation {
  errors: Error[];
  fileDependencies: { add(file: string): unknown };
}

/** webpack's or Rspack's compiler, as used here. */
export interface WebpackLikeCompiler {
  hooks: {
    watchRun: TapPromise;
    beforeCompile: TapPromise;
    afterCompile: Tap<[WebpackLikeCompilation]>;
    watchClose: Tap<[]>;
    done: Tap<[unknown]>;
  };
  watchMode?: boolean;
}

export function attachToWebpackCompiler(
  compiler: WebpackLikeCompiler,
  session: BuildSession,
  name: string,
): void {
  let outcome: BuildOutcome | undefined;
  compiler.hooks.watchRun.tapPromise(name, async () => {
    session.watching = true;
  });
  compiler.hooks.beforeCompile.tapPromise(name, async () => {
    outcome = await session.run();
  });
  compiler.hooks.afterCompile.tap(name, (compilation) => {
    if (outcome === undefined) return;
    for (const file of outcome.watchFiles) compilation.fileDependencies.add(file);
    if (!outcome.ok) {
      const error = new Error(outcome.message);
      error.name = 'PolicyMatrixError';
      error.stack = outcome.message;
      compilation.errors.push(error);
    }
  });
  compiler.hooks.done.tap(name, () => {
    if (compiler.watchMode !== true) session.close();
  });
  compiler.hooks.watchClose.tap(name, () => session.close());
}
