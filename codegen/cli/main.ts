/**
 * The `policy-matrix` executable: runs the CLI on this process's arguments, standard
 * streams and folder, and sets the exit code (0 success, 1 problems or stale output,
 * 2 usage error).
 */
import { runCli } from './run-cli.ts';

const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  interrupted: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
});
process.exitCode = code;
