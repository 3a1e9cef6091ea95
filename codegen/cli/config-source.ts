/**
 * What every CLI command passes to the API about the project: the folder, the config
 * file (`--config`), the evaluation timeout (`--timeout`) and where progress lines go
 * (standard error).
 */
import type { ConfigOptions } from '../config/load-config.ts';
import type { CliIo } from './cli-io.ts';
import type { ParsedArguments } from './parse-arguments.ts';

export function configSource(io: CliIo, parsed: ParsedArguments): ConfigOptions {
  return {
    cwd: io.cwd,
    ...(parsed.config === undefined ? {} : { config: parsed.config }),
    ...(parsed.timeout === undefined ? {} : { timeout: parsed.timeout }),
    progress: (line) => io.err(`${line}\n`),
  };
}
