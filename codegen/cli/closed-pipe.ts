/**
 * A reader that stops early (`policy-matrix dump --json | head -c 100`) closes the
 * pipe, and the next write fails with EPIPE. That is not a failure of the command: the
 * reader has what it wanted. Without a listener Node throws the stream's error and
 * the CLI would crash with a stack trace.
 */

/** The part of a writable stream this needs (an `error` event). */
export interface ErrorEmitter {
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/**
 * On EPIPE from `stdout`, calls `exit(0)` (stop quietly: nobody reads any more); on
 * EPIPE from `stderr`, drops the message and carries on (the exit status still says
 * how the command went). Any other stream error is rethrown, as Node would.
 */
export function handleClosedPipes(
  stdout: ErrorEmitter,
  stderr: ErrorEmitter,
  exit: (code: number) => void,
): void {
  stdout.on('error', (error) => {
    if ((error as { code?: unknown }).code !== 'EPIPE') throw error;
    exit(0);
  });
  stderr.on('error', (error) => {
    if ((error as { code?: unknown }).code !== 'EPIPE') throw error;
  });
}
