/**
 * The lint findings of the golden-basic fixture (ExtendedPolicy lists NeverFires, which
 * governs no state, and StartRuns twice) as the CLI prints them, with the summary line.
 */

/** The printed findings and summary, each line ending with a newline; `strict` as under `--strict`. */
export function goldenBasicLint(strict = false): string {
  const severity = strict ? 'error' : 'warning';
  return [
    `src/rules.ts:23:14: ${severity} PM101 [ExtendedPolicy/NeverFires]: NeverFires fires in no cell of ExtendedPolicy, so it never runs: its FROM_STATES and TO_STATES hold no state of the policy's universe (SCHEDULED, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, CRASHED, PAUSED, CANCELLING and null). Declare the FROM_STATES and TO_STATES it should govern (a rule governs no state by default), or remove it from ExtendedPolicy.priority().`,
    `src/policies.ts:12:14: ${severity} PM102 [ExtendedPolicy/StartRuns]: StartRuns is listed 2 times in ExtendedPolicy.priority() (positions 2 and 6): every transition it fires for enters it 2 times, nested inside itself, so its hooks run 2 times. Keep only the entry at the position where it should run.`,
    strict
      ? 'lint: 2 findings: 2 errors, 0 warnings, 0 infos (--strict counts warnings as errors).'
      : 'lint: 2 findings: 0 errors, 2 warnings, 0 infos.',
    '',
  ].join('\n');
}
