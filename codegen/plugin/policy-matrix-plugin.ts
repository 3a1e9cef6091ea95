/**
 * The build plugin, written once on unplugin, for Vite (and so Vitest), Rollup,
 * esbuild, webpack and Rspack (entry points `@policy-matrix/codegen/vite`, `/rollup`,
 * `/esbuild`, `/webpack`, `/rspack`).
 *
 * At build start, before any module is resolved, it generates the matrices (writing
 * only files that changed, with the CLI's ownership rules: never outside the output
 * folder, never over a file without the generated mark) or, in check mode (default when
 * `CI` is set), fails the build when the committed output is stale, naming the cells.
 * Problems are build errors located at `path:line:col`.
 *
 * In dev servers and watch builds every file the evaluation actually loaded (the
 * tracking `watch` uses) is watched; a change regenerates with the warm compiler and
 * the bundler reloads what imports the changed modules: Vite through its module graph
 * and HMR (see vite-dev-server.ts), Rollup, esbuild, webpack and Rspack by a rebuild,
 * since those files are the build's watched files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createUnplugin, type UnpluginInstance } from 'unplugin';
import type { BuildOutcome } from './build-session.ts';
import { BuildSession } from './build-session.ts';
import type { PolicyMatrixPluginOptions } from './plugin-options.ts';
import { attachToViteServer } from './vite-dev-server.ts';
import { attachToWebpackCompiler, type WebpackLikeCompiler } from './webpack-hooks.ts';

/** The plugin's name, as bundlers show it in messages. */
const PLUGIN_NAME = 'policy-matrix';

/** Every bundler's plugin: `policyMatrix.vite(options)`, `.rollup`, `.esbuild`, `.webpack`, `.rspack`. */
export const policyMatrix: UnpluginInstance<PolicyMatrixPluginOptions | undefined, false> =
  createUnplugin<PolicyMatrixPluginOptions | undefined, false>((options = {}, meta) => {
    const session = new BuildSession(options);
    let devServer = false;
    return {
      name: PLUGIN_NAME,
      enforce: 'pre',

      // Rollup and Vite (build, watch build, and the dev server's first build).
      // esbuild, webpack and Rspack run the session from their own hooks below.
      async buildStart() {
        if (
          meta.framework === 'esbuild' ||
          meta.framework === 'webpack' ||
          meta.framework === 'rspack'
        )
          return;
        // A dev server reports problems in its overlay and keeps running.
        if (devServer) {
          await session.first();
          return;
        }
        const watchMode = (this as { meta?: { watchMode?: boolean } }).meta?.watchMode === true;
        if (watchMode) session.watching = true;
        const outcome = await session.run();
        for (const file of outcome.watchFiles) this.addWatchFile(file);
        if (!outcome.ok) {
          const error = rollupError(outcome);
          (this as unknown as { error: (error: unknown) => never }).error(error);
        }
        if (!watchMode) session.close();
      },

      vite: {
        configResolved(config) {
          devServer = config.command === 'serve';
          if (devServer || Boolean(config.build.watch)) session.watching = true;
        },
        async configureServer(server) {
          await attachToViteServer(server, session, options.debounceMs ?? 30);
        },
        // The dev server (or a watch build) stopped: so does the evaluation child.
        closeWatcher() {
          session.close();
        },
        // In the dev server, while a run has problems, importing a generated module fails
        // with them (the overlay shows them; the next good run clears them).
        load(id) {
          if (!devServer) return null;
          const file = id.split('?')[0] ?? id;
          const last = session.last;
          if (last !== undefined && !last.ok && session.isGenerated(file)) throw viteError(last);
          return null;
        },
      },

      rollup: {
        // A watch build stopped: so does the evaluation child.
        closeWatcher() {
          session.close();
        },
      },

      esbuild: {
        async setup(build) {
          session.watching = true;
          await session.loadConfig();
          build.onStart(async () => {
            const outcome = await session.run();
            return outcome.ok ? {} : { errors: esbuildMessages(outcome) };
          });
          build.onDispose(() => session.close());
          // The generated modules carry every file the evaluation loaded as watched files,
          // so that an esbuild watch context rebuilds (and regenerates) when one changes.
          const outDir = session.config?.outDir;
          if (outDir === undefined) return;
          const filter = new RegExp(
            `^${escapeRegExp(outDir + path.sep)}[^${escapeRegExp(path.sep)}]+\\.ts$`,
          );
          build.onLoad({ filter }, (args) => ({
            contents: readFileSync(args.path, 'utf8'),
            loader: 'ts',
            watchFiles: session.last?.watchFiles ?? [],
          }));
        },
      },

      // webpack's types are not installed (it is not a dependency): the hooks this
      // plugin uses, as webpack-hooks.ts declares them.
      webpack(compiler: WebpackLikeCompiler) {
        attachToWebpackCompiler(compiler, session, PLUGIN_NAME);
      },
      rspack(compiler) {
        attachToWebpackCompiler(compiler, session, PLUGIN_NAME);
      },
    };
  });

/** A failed run as a Rollup (and Vite build) error: located, with the whole report as its message. */
function rollupError(outcome: BuildOutcome): object {
  const where = outcome.location;
  return {
    message: outcome.message,
    plugin: PLUGIN_NAME,
    ...(where === undefined
      ? {}
      : { id: where.file, loc: { file: where.file, line: where.line, column: where.column - 1 } }),
  };
}

/** A failed run as the error Vite's overlay shows. */
function viteError(outcome: BuildOutcome): Error {
  const error = new Error(outcome.message) as Error & Record<string, unknown>;
  error['plugin'] = PLUGIN_NAME;
  const where = outcome.location;
  if (where !== undefined) {
    error['id'] = where.file;
    error['loc'] = { file: where.file, line: where.line, column: where.column };
  }
  error.stack = '';
  return error;
}

/** A failed run as esbuild messages: one per problem (or the check report as one). */
function esbuildMessages(outcome: BuildOutcome): PartialMessage[] {
  if (outcome.problems.length === 0)
    return [{ text: outcome.message, location: esbuildLocation(outcome.location) }];
  return outcome.problems.map((problem) => ({
    text: `policy-matrix: ${problem.message}`,
    location: esbuildLocation(problem),
  }));
}

interface PartialMessage {
  text: string;
  location: { file: string; line: number; column: number; lineText: string } | null;
}

/** esbuild's location: a 0-based column, and the line's text (which esbuild shows under the message). */
function esbuildLocation(
  where: { file: string; line: number; column: number } | undefined,
): PartialMessage['location'] {
  if (where === undefined) return null;
  let lineText = '';
  try {
    lineText = readFileSync(where.file, 'utf8').split(/\r?\n/)[where.line - 1] ?? '';
  } catch {
    // a file that cannot be read (a folder, a removed file): no line to show
  }
  return { file: where.file, line: where.line, column: where.column - 1, lineText };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
