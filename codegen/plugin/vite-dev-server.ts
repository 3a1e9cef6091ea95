/**
 * The build plugin in Vite's dev server (and so in Vitest): the first run happens
 * before the server serves anything; then every file the evaluation loaded is watched
 * with the server's own watcher. After a burst of changes (debounced) the warm compiler
 * regenerates and:
 *
 * - the generated modules that changed are invalidated in every environment's module
 *   graph and reloaded through HMR (their importers update, or the page reloads);
 * - problems go to the error overlay, and importing a generated module fails with them
 *   until a run succeeds again (see the plugin's `load`); the server keeps running;
 * - the first good run after problems invalidates every generated module and reloads
 *   the page: fixing the file recovers without a restart.
 *
 * Only the parts of Vite's server used here are typed (structurally), so the compiler
 * package does not depend on Vite's types.
 */
import path from 'node:path';
import type { BuildOutcome, BuildSession } from './build-session.ts';

/** A module of Vite's module graph, as used here. */
interface DevModule {
  file: string | null;
}

/** Vite's dev server, as used here. */
interface DevServer {
  watcher: {
    add(files: string | readonly string[]): unknown;
    on(event: 'all', listener: (event: string, file: string) => void): unknown;
  };
  moduleGraph: {
    getModulesByFile(file: string): Set<DevModule> | undefined;
    invalidateModule(module: DevModule): void;
    idToModuleMap: Map<string, DevModule>;
  };
  ws: { send(payload: object): void };
  reloadModule(module: DevModule): Promise<void>;
}

/** Runs the first generation, then keeps the server's matrices fresh. */
export async function attachToViteServer(
  server: DevServer,
  session: BuildSession,
  debounceMs: number,
): Promise<void> {
  const first = await session.first();
  server.watcher.add(first.watchFiles);
  if (!first.ok) server.ws.send({ type: 'error', err: overlayError(first) });

  let timer: NodeJS.Timeout | undefined;
  let configChanged = false;
  server.watcher.on('all', (_event, changed) => {
    const file = path.resolve(changed);
    if (session.closed || !session.tracks(file)) return;
    if (file === session.config?.configFile) configChanged = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (session.closed) return;
      const reload = configChanged;
      configChanged = false;
      if (reload) session.configChanged();
      const before = session.last;
      void session.run().then((outcome) => apply(server, session, before, outcome));
    }, debounceMs);
  });
}

/** Tells the server what one run changed. */
async function apply(
  server: DevServer,
  session: BuildSession,
  before: BuildOutcome | undefined,
  outcome: BuildOutcome,
): Promise<void> {
  server.watcher.add(outcome.watchFiles);
  if (!outcome.ok) {
    invalidateGenerated(server, session);
    server.ws.send({ type: 'error', err: overlayError(outcome) });
    return;
  }
  if (before !== undefined && !before.ok) {
    invalidateGenerated(server, session);
    server.ws.send({ type: 'full-reload', path: '*' });
    return;
  }
  for (const file of outcome.changedFiles) {
    for (const module of server.moduleGraph.getModulesByFile(file) ?? []) {
      server.moduleGraph.invalidateModule(module);
      await server.reloadModule(module);
    }
  }
}

/** Invalidates every module of the output folder the server has loaded. */
function invalidateGenerated(server: DevServer, session: BuildSession): void {
  for (const module of server.moduleGraph.idToModuleMap.values()) {
    if (module.file !== null && session.isGenerated(module.file))
      server.moduleGraph.invalidateModule(module);
  }
}

/** The payload of Vite's error overlay for a failed run. */
function overlayError(outcome: BuildOutcome): object {
  const where = outcome.location;
  return {
    message: outcome.message,
    stack: '',
    plugin: 'policy-matrix',
    ...(where === undefined ? {} : { id: where.file, loc: where }),
  };
}
