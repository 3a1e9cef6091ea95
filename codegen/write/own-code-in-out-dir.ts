/**
 * Refusing an output folder that holds the user's own code: a source file the
 * policies import (found by reading and evaluating them) must not live where generate
 * writes and removes files. The config file and the config modules are checked when
 * the config is resolved; this covers what only the read step knows.
 */
import type { ResolvedConfig } from '../config/resolved-config.ts';
import { isInside, locateConfigKey, outDirHoldsMessage } from '../config/resolved-config.ts';
import { GENERATED_MARK } from '../emit/banner.ts';
import { relativePosix } from '../path/relative-posix.ts';
import type { Problem } from '../problem/problem.ts';
import { readIfExists } from './output-folder.ts';

/**
 * One problem, at the config's `outDir`, per source file (absolute) inside the output
 * folder that is not itself generated; empty when there is none.
 */
export function findOwnCodeInOutDir(config: ResolvedConfig, sources: readonly string[]): Problem[] {
  const file = relativePosix(config.root, config.configFile);
  const where = locateConfigKey(config.configFile, 'outDir');
  const outDir = relativePosix(config.root, config.outDir);
  return [...new Set(sources)]
    .filter((source) => isInside(source, config.outDir) && !config.modules.includes(source))
    .filter((source) => readIfExists(source)?.startsWith(GENERATED_MARK) !== true)
    .sort()
    .map((source) => ({
      code: 'PM009',
      file,
      ...where,
      message: outDirHoldsMessage(
        outDir,
        relativePosix(config.root, source),
        'a source file the policies import',
      ),
    }));
}
