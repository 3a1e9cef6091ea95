/**
 * Starting the evaluation child process: a fresh Node process with tsx's loader, in
 * the project's folder, so that it imports the user's current code (never a module
 * cached by an earlier run, which matters in watch mode). Whatever the user's modules
 * print is captured, never mixed into the compiler's own output.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChildRequest, ResponseTo } from './child-request.ts';

const CHILD_MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'child-main.ts');
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** How long a child may take before it is killed and reported (policy code that hangs). */
export const CHILD_TIMEOUT_MS = 120_000;

/**
 * Runs `request` in a new child process started in `cwd`. Rejects when the child
 * exits without answering (for example when a module calls `process.exit`), with its
 * captured stderr.
 */
export function runChild<R extends ChildRequest>(request: R, cwd: string): Promise<ResponseTo<R>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, CHILD_MAIN], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, NODE_OPTIONS: withoutLoaders(process.env.NODE_OPTIONS) },
    });
    let stderr = '';
    let answered = false;
    child.stdout?.resume();
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-8000);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `The evaluation process did not answer within ${CHILD_TIMEOUT_MS / 1000} s; does a policy module wait forever at import?`,
        ),
      );
    }, CHILD_TIMEOUT_MS);
    child.on('message', (message) => {
      answered = true;
      clearTimeout(timer);
      resolve(message as ResponseTo<R>);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!answered) {
        const reason = signal === null ? `exit code ${code}` : `signal ${signal}`;
        reject(
          new Error(
            `The evaluation process ended (${reason}) without answering.${stderr === '' ? '' : ` Its output:\n${stderr.trim()}`}`,
          ),
        );
      }
    });
    child.send(request);
  });
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
