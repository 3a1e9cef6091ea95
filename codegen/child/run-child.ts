/**
 * Starting the evaluation child process: a fresh Node process with tsx's loader, in
 * the project's folder, so that it imports the user's current code (never a module
 * cached by an earlier run, which matters in watch mode). Each child answers exactly
 * one request. Whatever the user's modules print is captured, never mixed into the
 * compiler's own output.
 *
 * Starting Node with tsx takes about half a second, so a caller that knows a request
 * is coming (the CLI, before it loads the compiler; watch, between runs) may start the
 * next child ahead of time with `prestartChild`: it loads tsx and waits, idle.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChildRequest, ResponseTo } from './child-request.ts';

// This module runs from its TypeScript source (in this repository) or compiled (in the
// package); the child's entry point is its sibling with the same extension.
const HERE = fileURLToPath(import.meta.url);
const CHILD_MAIN = path.join(path.dirname(HERE), `child-main${path.extname(HERE)}`);
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** How long a child may take before it is killed and reported (policy code that hangs). */
export const CHILD_TIMEOUT_MS = 120_000;

interface StartedChild {
  process: ChildProcess;
  cwd: string;
  /** Its captured stderr (the last 8000 characters). */
  stderr: () => string;
}

let prestarted: StartedChild | undefined;

/**
 * Starts a child in `cwd` that waits for the next `runChild` there. It does not keep
 * this process alive; an unused one is replaced, or stopped by `stopPrestartedChild`.
 */
export function prestartChild(cwd: string): void {
  if (prestarted !== undefined && prestarted.cwd === cwd && isAlive(prestarted.process)) return;
  stopPrestartedChild();
  const child = startChild(cwd);
  child.process.unref();
  child.process.channel?.unref();
  prestarted = child;
}

/** Stops the child `prestartChild` started, if it is still waiting. */
export function stopPrestartedChild(): void {
  prestarted?.process.kill();
  prestarted = undefined;
}

/**
 * Runs `request` in a fresh child process started in `cwd` (or the one prestarted
 * there). Rejects when the child exits without answering (for example when a module
 * calls `process.exit`), with its captured stderr, and when `signal` aborts (the child
 * is then killed: its answer is no longer wanted).
 */
export function runChild<R extends ChildRequest>(
  request: R,
  cwd: string,
  signal?: AbortSignal,
): Promise<ResponseTo<R>> {
  let child: StartedChild;
  if (prestarted !== undefined && prestarted.cwd === cwd && isAlive(prestarted.process)) {
    child = prestarted;
    prestarted = undefined;
    child.process.ref();
    child.process.channel?.ref();
  } else {
    child = startChild(cwd);
  }
  const { process: running } = child;
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      action();
    };
    const abort = (): void => {
      running.kill('SIGKILL');
      settle(() => reject(new Error('The evaluation was cancelled.')));
    };
    const timer = setTimeout(() => {
      running.kill('SIGKILL');
      settle(() =>
        reject(
          new Error(
            `The evaluation process did not answer within ${CHILD_TIMEOUT_MS / 1000} s; does a policy module wait forever at import?`,
          ),
        ),
      );
    }, CHILD_TIMEOUT_MS);
    if (signal?.aborted === true) return abort();
    signal?.addEventListener('abort', abort);
    running.on('message', (message) => settle(() => resolve(message as ResponseTo<R>)));
    running.on('error', (error) => settle(() => reject(error)));
    running.on('exit', (code, exitSignal) => {
      const reason = exitSignal === null ? `exit code ${code}` : `signal ${exitSignal}`;
      const output = child.stderr().trim();
      settle(() =>
        reject(
          new Error(
            `The evaluation process ended (${reason}) without answering.${output === '' ? '' : ` Its output:\n${output}`}`,
          ),
        ),
      );
    });
    running.send(request);
  });
}

function startChild(cwd: string): StartedChild {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, CHILD_MAIN], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, NODE_OPTIONS: withoutLoaders(process.env.NODE_OPTIONS) },
  });
  let stderr = '';
  child.stdout?.resume();
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8000);
  });
  // Streams must not keep an idle, prestarted child's parent alive either.
  (child.stdout as { unref?: () => void } | null)?.unref?.();
  (child.stderr as { unref?: () => void } | null)?.unref?.();
  child.on('error', () => undefined); // reported by runChild when it is used
  return { process: child, cwd, stderr: () => stderr };
}

function isAlive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null && child.connected;
}

/** NODE_OPTIONS without loader flags a parent runner (vitest, tsx) may have set. */
function withoutLoaders(options: string | undefined): string {
  return (options ?? '')
    .split(/\s+/)
    .filter(
      (option, index, all) =>
        !/^--(import|loader|require|experimental-loader)/.test(option) &&
        !/^--(import|loader|require|experimental-loader)$/.test(all[index - 1] ?? ''),
    )
    .join(' ');
}
