/**
 * The CLI run in this process (`runCli`) on a project folder, with its standard output
 * and standard error captured: what the `policy-matrix` executable would print, without
 * starting a process for it.
 */
import type { CliIo } from '../../../codegen/cli/cli-io.ts';
import { runCli } from '../../../codegen/cli/run-cli.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `policy-matrix <argv>` in `cwd`. */
export async function runCliIn(cwd: string, ...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = {
    cwd,
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    interrupted: () => Promise.resolve(),
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}
