/**
 * Fresh consumer projects for the package test: packs the two workspace packages into
 * tarballs once, and creates projects outside this repository (so neither its
 * workspace nor its .npmrc applies) that install those tarballs as a user would.
 *
 * Every command runs with an environment cleaned of what `npm test` sets for this
 * repository (the "@policy-matrix/source" condition, npm's per-script variables):
 * inside a consumer, the packages must work as published.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment of a process outside this repository. */
function consumerEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'NODE_OPTIONS' || key === 'INIT_CWD' || /^npm_/i.test(key)) continue;
    env[key] = value;
  }
  return env;
}

/** Runs a command to completion; never rejects for a non-zero exit (the result says). */
export function run(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = consumerEnvironment(),
): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 240_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Like `run`, but throws with the command's output when it fails. */
export async function runOk(
  command: string,
  args: readonly string[],
  cwd: string,
  env?: NodeJS.ProcessEnv,
): Promise<CommandResult> {
  const result = await run(command, args, cwd, env);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${result.code} in ${cwd}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}

export interface Tarballs {
  /** The folder holding both tarballs. */
  dir: string;
  runtime: string;
  codegen: string;
}

/**
 * Packs both packages (their `prepack` builds them) into a fresh temporary folder.
 * Runs npm from this repository, so the workspace flags apply.
 */
export async function packTarballs(): Promise<Tarballs> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'policy-matrix-packs-'));
  const packed = await runOk(
    'npm',
    ['pack', '--json', '--workspace', 'src', '--workspace', 'codegen', '--pack-destination', dir],
    REPO_ROOT,
    { ...process.env },
  );
  const entries = JSON.parse(packed.stdout) as { name: string; filename: string }[];
  const file = (name: string): string => {
    const entry = entries.find((candidate) => candidate.name === name);
    if (entry === undefined) throw new Error(`npm pack did not pack ${name}: ${packed.stdout}`);
    return path.join(dir, entry.filename);
  };
  return { dir, runtime: file('policy-matrix'), codegen: file('@policy-matrix/codegen') };
}

/** The version of `name` that this repository's lockfile installs. */
export function lockedVersion(name: string): string {
  const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };
  const version = lock.packages[`node_modules/${name}`]?.version;
  if (version === undefined) throw new Error(`${name} is not in package-lock.json`);
  return version;
}

/** A new, empty project folder outside this repository. */
export function newProject(label: string, files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `policy-matrix-${label}-`));
  writeFiles(dir, files);
  return dir;
}

/** Writes files (relative POSIX paths) into `dir`, creating folders. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, ...name.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/**
 * Installs the project's dependencies from its package.json, preferring npm's cache
 * (the versions are this repository's, so a machine that ran `npm ci` has them all).
 */
export function npmInstall(dir: string, ...flags: string[]): Promise<CommandResult> {
  return runOk('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...flags], dir);
}

export function removeFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
