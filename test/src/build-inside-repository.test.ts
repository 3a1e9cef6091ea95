import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { warnIfBuildInsideRepository } from '../../src/build-inside-repository.ts';

const WARNED = Symbol.for('policy-matrix.build-inside-repository-warned');
const folders: string[] = [];

/** A folder holding `<root>/package.json` named `rootName` and `<root>/<package>/dist/`. */
function layout(rootName: string, packageFolder: string): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pm-build-warning-'));
  folders.push(root);
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: rootName }));
  mkdirSync(path.join(root, packageFolder, 'dist'), { recursive: true });
  return root;
}

function warningsFor(moduleFile: string, times = 1): string[] {
  const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    for (let i = 0; i < times; i++) warnIfBuildInsideRepository(pathToFileURL(moduleFile).href);
    return write.mock.calls.map(([text]) => String(text));
  } finally {
    write.mockRestore();
  }
}

afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[WARNED];
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('a build that finds itself inside the repository', () => {
  it('warns once per process on stderr, naming the module and the way out', () => {
    const root = layout('policy-matrix-repository', 'src');
    const module = path.join(root, 'src/dist/orion/index.js');
    const warnings = warningsFor(module, 3);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('policy-matrix: warning: this program loaded a build');
    expect(warnings[0]).toContain(pathToFileURL(module).href);
    expect(warnings[0]).toContain('--conditions=@policy-matrix/source');
  });

  it('stays silent in an installed package, whose dist/ has no repository two levels up', () => {
    const root = layout('my-service', 'node_modules/policy-matrix');
    expect(warningsFor(path.join(root, 'node_modules/policy-matrix/dist/index.js'))).toEqual([]);
  });

  it('stays silent for the TypeScript sources and outside any dist/ folder', () => {
    const root = layout('policy-matrix-repository', 'src');
    expect(warningsFor(path.join(root, 'src/index.ts'))).toEqual([]);
    expect(warningsFor(path.join(root, 'src/index.js'))).toEqual([]);
  });
});
