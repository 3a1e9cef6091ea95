/**
 * Reading a baseline for the CI gate (`--baseline <file>`): an earlier `bench --json`
 * file. Anything that is not such a file, or is of another version, is a problem at
 * the file, saying what was expected; never a crash.
 */
import { readFileSync } from 'node:fs';
import type { Problem } from '../../problem/problem.ts';
import { BENCH_JSON_VERSION, type BenchReport } from '../bench-report.ts';

export function readBaseline(
  absolute: string,
  shown: string,
): { baseline?: BenchReport; problems: Problem[] } {
  const problem = (message: string): { problems: Problem[] } => ({
    problems: [{ code: 'PM074', file: shown, line: 1, column: 1, message }],
  });
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    return problem(
      `The baseline cannot be read (${(error as Error).message}); write one with bench --json <file>.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return problem(
      `The baseline is not JSON (${(error as Error).message}); write one with bench --json <file>.`,
    );
  }
  const record = value as Partial<BenchReport> | null;
  if (typeof record !== 'object' || record === null || !('version' in record))
    return problem(
      'The baseline is not a bench JSON file (it has no "version"); write one with bench --json <file>.',
    );
  if (record.version !== BENCH_JSON_VERSION)
    return problem(
      `The baseline is bench JSON version ${JSON.stringify(record.version)}; this version of policy-matrix reads version ${BENCH_JSON_VERSION}. Write a new baseline with bench --json <file>.`,
    );
  if (!Array.isArray(record.policies))
    return problem('The baseline has no "policies" array; write one with bench --json <file>.');
  return { baseline: record as BenchReport, problems: [] };
}
