/**
 * The `--trace` file of a bench run: read, parsed and checked against the states of
 * every policy measured. Problems name the file as the user wrote it (relative to the
 * working folder); the report names it relative to the project root.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PolicyModel } from '../../model/policy-model.ts';
import { relativePosix } from '../../path/relative-posix.ts';
import type { Problem } from '../../problem/problem.ts';
import { describeThrown, toThrownError } from '../../problem/thrown-error.ts';
import { checkTraceStates, parseTrace, type TracePair } from './read-trace.ts';

export type TraceFile =
  { trace: TracePair[]; file: string; problems: [] } | { trace: undefined; problems: Problem[] };

export function readTraceFile(
  cwd: string,
  given: string,
  root: string,
  policies: readonly PolicyModel[],
): TraceFile {
  const absolute = path.resolve(cwd, given);
  const shown = relativePosix(cwd, absolute);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    return {
      trace: undefined,
      problems: [
        {
          code: 'PM070',
          file: shown,
          line: 1,
          column: 1,
          message: `The trace cannot be read: ${describeThrown(toThrownError(error))}.`,
        },
      ],
    };
  }
  const read = parseTrace(text, shown);
  if (read.problems.length > 0) return { trace: undefined, problems: read.problems };
  const problems = policies.flatMap((policy) =>
    checkTraceStates(read.entries, shown, policy.name, policy.states),
  );
  if (problems.length > 0) return { trace: undefined, problems };
  return {
    trace: read.entries.map((e) => e.pair),
    file: relativePosix(root, absolute),
    problems: [],
  };
}
