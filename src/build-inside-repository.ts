import { readFileSync } from 'node:fs';

/**
 * A trap of the policy-matrix repository, made loud. Inside the repository the workspace
 * packages resolve to their TypeScript sources only under the "@policy-matrix/source"
 * export condition, which `.npmrc` gives every npm script and vitest gives the tests. A
 * program started any other way (plain `node`, `npx tsx file.ts`, an editor's runner)
 * gets the last build in `dist/` instead, which is stale as soon as a source changes.
 *
 * Each entry point calls this with its own module URL. When that module is a build
 * (a file in a `dist/` folder) and the folder two levels above `dist/` holds this
 * repository's root `package.json` (name `policy-matrix-repository`), it writes one
 * warning per process to stderr. An installed package lives in
 * `node_modules/<name>/dist/`, where no such file is, so users never see it; sources
 * (`.ts` modules) never check at all.
 */
export function warnIfBuildInsideRepository(moduleUrl: string): void {
  const at = moduleUrl.lastIndexOf('/dist/');
  if (!moduleUrl.startsWith('file:') || at < 0 || !moduleUrl.endsWith('.js')) return;
  const state = globalThis as { [WARNED]?: true };
  if (state[WARNED] === true) return;
  let name: unknown;
  try {
    const rootManifest = new URL('../../package.json', moduleUrl.slice(0, at + '/dist/'.length));
    name = (JSON.parse(readFileSync(rootManifest, 'utf8')) as { name?: unknown }).name;
  } catch {
    return; // no readable package.json there: not inside the repository
  }
  if (name !== REPOSITORY_PACKAGE_NAME) return;
  state[WARNED] = true;
  process.stderr.write(
    `policy-matrix: warning: this program loaded a build (${moduleUrl}) inside the ` +
      'policy-matrix repository, not the TypeScript sources; it may be stale. Run it ' +
      'through npm (npm run / npm test / npx) or pass ' +
      '--conditions=@policy-matrix/source to node (see CONTRIBUTING.md).\n',
  );
}

const REPOSITORY_PACKAGE_NAME = 'policy-matrix-repository';
const WARNED = Symbol.for('policy-matrix.build-inside-repository-warned');
