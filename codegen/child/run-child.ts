/**
 * Starting the evaluation child process: a fresh Node process with tsx's loader, in
 * the project's folder, so that it imports the user's current code (never a module
 * cached by an earlier run, which matters in watch mode). Each child answers exactly
 * one request. Whatever the user's modules print is captured, never mixed into the
 * compiler's own output.
 *
 * Starting Node with tsx takes about half a second, so a caller that knows a request
 * is coming (the CLI, before it loads the compiler; watch and the build plugin, between
 * runs) may start the next child ahead of time with `prestartChild`: it loads tsx and
 * waits, idle. It may also import modules ahead of time (the warm compiler has it load
 * the runtime, which an edit rarely touches); such a child is used only while none of
 * the project files it has loaded was modified after it started, so an evaluation never
 * sees a module older than the file on disk.
 *
 * The child reports on its trace channel (see trace-hooks.ts) every module it loads and
 * whose code is running, so a child that does not answer in time is reported with the
 * module (or policy) it is stuck in, and watch learns what an evaluation really read.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChildRequest, ResponseTo } from './child-request.ts';

// This module runs from its TypeScript source (in this repository) or compiled (in the
// package); the child's entry point is its sibling with the same extension.
const HERE = fileURLToPath(import.meta.url);
const CHILD_MAIN = path.join(path.dirname(HERE), `child-main${path.extname(HERE)}`);
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * How long a child may take by default before it is killed and reported (policy code
 * that loops or waits forever). Loading a large project takes a few seconds at most.
 */
const DEFAULT_CHILD_TIMEOUT_MS = 20_000;

/**
 * After how long a child that has not answered yet is reported as slow (`onSlow`): this,
 * or half the timeout when that is shorter.
 */
const SLOW_NOTICE_MS = 3_000;

/** How much longer than the timeout Node and tsx may take to start a child. */
const STARTUP_ALLOWANCE_MS = 30_000;

/** What a child is doing, from its trace channel. */
export type ChildActivity =
  /** A module's own code is running (the innermost one still running), absolute path. */
  | { kind: 'loading'; file: string }
  /** The modules are loaded and this policy class is being evaluated. */
  | { kind: 'policy'; name: string }
  /** Modules are being read and transpiled, none runs yet: how many so far. */
  | { kind: 'reading'; loaded: number }
  /** Nothing traced yet: Node and tsx are starting. */
  | { kind: 'starting' };

export interface ChildOptions {
  /** Aborting kills the child: its answer is no longer wanted. */
  signal?: AbortSignal;
  /** How long the child may take (default `DEFAULT_CHILD_TIMEOUT_MS`). */
  timeoutMs?: number;
  /** Called once, after `SLOW_NOTICE_MS` (at most half the timeout), when the child has not answered yet. */
  onSlow?: (activity: ChildActivity, elapsedMs: number) => void;
  /** Receives the child's `progress` trace lines (the bench's rounds), as written. */
  onProgress?: (line: string) => void;
}

/** What a child answered, and the project files (absolute, sorted) it loaded to answer. */
export interface ChildAnswer<R extends ChildRequest> {
  response: ResponseTo<R>;
  loaded: string[];
}

/**
 * The child did not answer in time; says what it was doing when it was stopped, and
 * the project files (absolute, sorted) it had loaded by then.
 */
export class ChildTimeoutError extends Error {
  readonly activity: ChildActivity;
  readonly timeoutMs: number;
  readonly loaded: string[];
  constructor(activity: ChildActivity, timeoutMs: number, loaded: string[] = []) {
    super(
      `The evaluation process did not answer within ${formatSeconds(timeoutMs)}; does a policy module wait forever at import?`,
    );
    this.name = 'ChildTimeoutError';
    this.activity = activity;
    this.timeoutMs = timeoutMs;
    this.loaded = loaded;
  }
}

/** `20 s`, `2.5 s`. */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

interface StartedChild {
  process: ChildProcess;
  cwd: string;
  /** When it was spawned (`Date.now()`): it read every file it loaded after this. */
  spawnedAt: number;
  /** Its captured stderr (the last 8000 characters). */
  stderr: () => string;
  trace: Trace;
}

/** What the trace channel said so far. */
interface Trace {
  loaded: Set<string>;
  /** Modules whose code started and has not ended, innermost last. */
  running: string[];
  policy: string | undefined;
  /** Set once the child's own code runs (Node and tsx have started) and has loaded what it preloads. */
  ready: boolean;
  /** The project files loaded before it was ready (the modules it preloaded), once it is. */
  preloaded: Set<string> | undefined;
  /** Called when the child becomes ready. */
  onReady: (() => void) | undefined;
  /** Resolves when the child becomes ready or exits. */
  whenReady: Promise<void>;
  markReady: () => void;
  /** Resolves when the channel is closed (the child exited). */
  closed: Promise<void>;
  /** Called with each `progress` line. */
  onProgress: ((line: string) => void) | undefined;
}

let prestarted: StartedChild | undefined;

/**
 * Starts a child in `cwd` that waits for the next `runChild` there, after importing the
 * modules of `preload` (file URLs; a module that fails to load is left to the
 * evaluation to report). It does not keep this process alive; an unused one is
 * replaced, or stopped by `stopPrestartedChild`.
 */
export function prestartChild(cwd: string, preload: readonly string[] = []): void {
  if (prestarted !== undefined && prestarted.cwd === cwd && isUsable(prestarted)) return;
  stopPrestartedChild();
  const child = startChild(cwd, preload);
  child.process.unref();
  child.process.channel?.unref();
  prestarted = child;
}

/**
 * Resolves once the child `prestartChild` started (if any) is ready to answer: Node and
 * tsx are loaded, and so are the modules it imports ahead of time.
 */
export async function prestartedChildReady(): Promise<void> {
  if (prestarted === undefined) return;
  // The child does not keep this process alive; the caller waiting for it does.
  const alive = setInterval(() => undefined, 60_000);
  try {
    await prestarted.trace.whenReady;
  } finally {
    clearInterval(alive);
  }
}

/** Stops the child `prestartChild` started, if it is still waiting. */
export function stopPrestartedChild(): void {
  prestarted?.process.kill();
  prestarted = undefined;
}

/** `runChildTraced`, for callers that need only the answer. */
export async function runChild<R extends ChildRequest>(
  request: R,
  cwd: string,
  options: ChildOptions = {},
): Promise<ResponseTo<R>> {
  return (await runChildTraced(request, cwd, options)).response;
}

/**
 * Runs `request` in a fresh child process started in `cwd` (or the one prestarted
 * there). Rejects when the child exits without answering (for example when a module
 * calls `process.exit`), with its captured stderr; with a `ChildTimeoutError` when it
 * does not answer in time; and when `signal` aborts (the child is then killed).
 */
export async function runChildTraced<R extends ChildRequest>(
  request: R,
  cwd: string,
  options: ChildOptions = {},
): Promise<ChildAnswer<R>> {
  if (prestarted === undefined || prestarted.cwd !== cwd || !isUsable(prestarted))
    return runOn(startChild(cwd), request, options);
  const child = prestarted;
  prestarted = undefined;
  child.process.ref();
  child.process.channel?.ref();
  // The check above saw only the loads reported so far; the full list is known once the
  // child has answered. A module it loaded ahead of time from a file modified since may
  // hold the old code: then the answer is not used and a fresh child answers instead.
  try {
    const answer = await runOn(child, request, options);
    if (preloadIsCurrent(child)) return answer;
  } catch (error) {
    if (preloadIsCurrent(child)) throw error;
  }
  return runOn(startChild(cwd), request, options);
}

function runOn<R extends ChildRequest>(
  child: StartedChild,
  request: R,
  options: ChildOptions,
): Promise<ChildAnswer<R>> {
  const { signal, onSlow } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_CHILD_TIMEOUT_MS;
  const { process: running, trace } = child;
  trace.onProgress = options.onProgress;
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(slowTimer);
      signal?.removeEventListener('abort', abort);
      action();
    };
    const abort = (): void => {
      running.kill('SIGKILL');
      settle(() => reject(new Error('The evaluation was cancelled.')));
    };
    const expire = (): void => {
      const activity = activityOf(trace);
      running.kill('SIGKILL');
      const loaded = [...trace.loaded].sort();
      settle(() => reject(new ChildTimeoutError(activity, timeoutMs, loaded)));
    };
    // The time limit and the slow notice count from when the child's own code runs;
    // starting Node and tsx has a generous limit of its own.
    let timer = setTimeout(expire, timeoutMs + STARTUP_ALLOWANCE_MS);
    let slowTimer: NodeJS.Timeout | undefined;
    const startClock = (): void => {
      trace.onReady = undefined;
      clearTimeout(timer);
      timer = setTimeout(expire, timeoutMs);
      const slowAfter = Math.min(SLOW_NOTICE_MS, timeoutMs / 2);
      if (onSlow !== undefined)
        slowTimer = setTimeout(() => onSlow(activityOf(trace), slowAfter), slowAfter);
    };
    if (trace.ready) startClock();
    else trace.onReady = startClock;
    if (signal?.aborted === true) return abort();
    signal?.addEventListener('abort', abort);
    // The answer counts once the trace channel is closed too (it then lists every load),
    // or shortly after the child exits, should something else hold the channel open.
    let answer: ResponseTo<R> | undefined;
    const finish = (): void => {
      const response = answer as ResponseTo<R>;
      settle(() => resolve({ response, loaded: [...trace.loaded].sort() }));
    };
    running.on('message', (message) => {
      answer = message as ResponseTo<R>;
      void trace.closed.then(finish);
    });
    running.on('error', (error) => settle(() => reject(error)));
    running.on('exit', (code, exitSignal) => {
      if (settled) return;
      const failed = (): void => {
        if (answer !== undefined) return finish();
        const reason = exitSignal === null ? `exit code ${code}` : `signal ${exitSignal}`;
        const output = child.stderr().trim();
        settle(() =>
          reject(
            new Error(
              `The evaluation process ended (${reason}) without answering.${output === '' ? '' : ` Its output:\n${output}`}`,
            ),
          ),
        );
      };
      if (answer !== undefined) {
        setTimeout(finish, 200);
        return;
      }
      // The exit can be seen before the answer the child sent just before it is read
      // from the channel (a busy machine): wait for the channel to close first.
      if (running.connected) {
        running.once('disconnect', failed);
        setTimeout(failed, 1_000);
      } else failed();
    });
    running.send(request);
  });
}

function activityOf(trace: Trace): ChildActivity {
  const file = trace.running.at(-1);
  if (trace.policy !== undefined) return { kind: 'policy', name: trace.policy };
  if (file !== undefined) return { kind: 'loading', file };
  return trace.ready ? { kind: 'reading', loaded: trace.loaded.size } : { kind: 'starting' };
}

function startChild(cwd: string, preload: readonly string[] = []): StartedChild {
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, ['--import', TSX_LOADER, CHILD_MAIN, ...preload], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: withoutLoaders(process.env.NODE_OPTIONS) },
  });
  const trace: Trace = {
    loaded: new Set(),
    running: [],
    policy: undefined,
    ready: false,
    preloaded: undefined,
    onReady: undefined,
    whenReady: Promise.resolve(),
    markReady: () => undefined,
    closed: Promise.resolve(),
    onProgress: undefined,
  };
  trace.whenReady = new Promise((resolve) => (trace.markReady = resolve));
  child.once('exit', () => trace.markReady());
  const channel = child.stdio[4] as Readable | null;
  if (channel !== null) {
    let partial = '';
    channel.setEncoding('utf8');
    channel.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) readTraceLine(trace, line);
    });
    trace.closed = new Promise((resolve) => channel.once('close', () => resolve()));
    (channel as { unref?: () => void }).unref?.();
  }
  let stderr = '';
  child.stdout?.resume();
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8000);
  });
  // Streams must not keep an idle, prestarted child's parent alive either.
  (child.stdout as { unref?: () => void } | null)?.unref?.();
  (child.stderr as { unref?: () => void } | null)?.unref?.();
  child.on('error', () => undefined); // reported by runChild when it is used
  return { process: child, cwd, spawnedAt, stderr: () => stderr, trace };
}

function readTraceLine(trace: Trace, line: string): void {
  const space = line.indexOf(' ');
  let subject: unknown;
  try {
    subject = JSON.parse(line.slice(space + 1));
  } catch {
    return;
  }
  if (typeof subject !== 'string') return;
  const phase = line.slice(0, space);
  if (phase === 'ready') {
    trace.ready = true;
    trace.preloaded = new Set(trace.loaded);
    trace.markReady();
    trace.onReady?.();
    return;
  }
  if (phase === 'progress') {
    trace.onProgress?.(subject);
    return;
  }
  if (phase === 'policy') {
    trace.policy = subject;
    return;
  }
  if (!subject.startsWith('file:')) return;
  const file = fileURLToPath(subject);
  if (phase === 'load') trace.loaded.add(file);
  else if (phase === 'start') trace.running.push(file);
  else if (phase === 'end') {
    const at = trace.running.lastIndexOf(file);
    if (at >= 0) trace.running.splice(at, 1);
  }
}

/**
 * Whether a prestarted child may answer: it is alive, and no project file it is known
 * to have loaded ahead of time has been modified (or removed) since it was spawned.
 */
function isUsable(child: StartedChild): boolean {
  return isAlive(child.process) && unchangedSince(child.trace.loaded, child.spawnedAt);
}

/** After an answer: whether every file the child loaded before it was ready is unchanged since it was spawned. */
function preloadIsCurrent(child: StartedChild): boolean {
  return unchangedSince(child.trace.preloaded ?? child.trace.loaded, child.spawnedAt);
}

/** Whether no file of `files` was modified (or removed) at or after `since` (ms since the epoch). */
function unchangedSince(files: Iterable<string>, since: number): boolean {
  for (const file of files) {
    try {
      if (statSync(file).mtimeMs >= since) return false;
    } catch {
      return false;
    }
  }
  return true;
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
