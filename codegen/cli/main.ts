/**
 * The `policy-matrix` executable: runs the CLI on this process's arguments, standard
 * streams and folder, and sets the exit code (0 success, 1 problems or stale output,
 * 2 usage error).
 *
 * Every command but `help` needs an evaluation child process; it is started first, so
 * that its start-up overlaps the loading of the compiler (ts-morph, prettier).
 */
import path from 'node:path';
import { prestartChild } from '../child/run-child.ts';
import { handleClosedPipes } from './closed-pipe.ts';
import { parseArguments } from './parse-arguments.ts';

// A reader that closes standard output early (`| head`) ends the command quietly.
handleClosedPipes(process.stdout, process.stderr, (code) => process.exit(code));

const argv = process.argv.slice(2);
const parsed = parseArguments(argv);
if (!('error' in parsed) && parsed.command !== 'help') {
  prestartChild(
    parsed.config === undefined ? process.cwd() : path.dirname(path.resolve(parsed.config)),
  );
}

const { runCli } = await import('./run-cli.ts');
const code = await runCli(argv, {
  cwd: process.cwd(),
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  errIsTerminal: process.stderr.isTTY === true,
  interrupted: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
});
process.exitCode = code;
