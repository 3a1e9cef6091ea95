/**
 * Per-cell diffs on the command line: `generate` prints, under each policy whose module
 * it rewrites, the cells that changed (read back from the old module); `check` and
 * `generate` write the same diff as markdown with `--diff-markdown`, for a pull-request
 * comment.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, editFile, removeProject } from './support/fixture-project.ts';
import { goldenBasicLint } from './support/golden-basic-lint.ts';
import { runCliIn } from './support/run-cli-in-process.ts';

/** The pull-request comment after StartRuns also governs PAUSED and GonePolicy is deleted. */
const MARKDOWN = `### Policy matrix changes

0 policies added, 1 removed, 2 changed.

- Removed: \`GonePolicy\`

#### \`BasePolicy\`: 3 cells differ

| from | to | before | after |
| --- | --- | --- | --- |
| \`SCHEDULED\` | \`PAUSED\` | *none* | \`StartRuns\` |
| \`PENDING\` | \`PAUSED\` | *none* | \`StartRuns\` |
| *null* | \`PAUSED\` | \`GuardTerminal\` | \`GuardTerminal\`, \`StartRuns\` |

#### \`ExtendedPolicy\`: 3 cells differ

| from | to | before | after |
| --- | --- | --- | --- |
| \`SCHEDULED\` | \`PAUSED\` | \`StampTransition\` | \`StartRuns\`, \`StartRunsAgain\`, \`StartRuns\`, \`StampTransition\` |
| \`PENDING\` | \`PAUSED\` | \`StampTransition\` | \`StartRuns\`, \`StartRunsAgain\`, \`StartRuns\`, \`StampTransition\` |
| *null* | \`PAUSED\` | \`GuardTerminal\`, \`StampTransition\` | \`GuardTerminal\`, \`StartRuns\`, \`StartRunsAgain\`, \`StartRuns\`, \`StampTransition\` |
`;

describe('cell diffs of generate and check', () => {
  let dir: string;
  beforeAll(() => {
    dir = copyFixture('golden-basic');
    editFile(dir, 'src/rules.ts', 'StateType.RUNNING]);', 'StateType.RUNNING, StateType.PAUSED]);');
    // The module of a policy that no longer exists: its banner names it.
    const base = readFileSync(path.join(dir, 'generated/base-policy.ts'), 'utf8');
    writeFileSync(
      path.join(dir, 'generated/gone-policy.ts'),
      base.replace('// Source: policy BasePolicy in', '// Source: policy GonePolicy in'),
    );
  });
  afterAll(() => removeProject(dir));

  it('check --diff-markdown writes what regenerating would change, file → policy', async () => {
    const run = await runCliIn(dir, 'check', '--diff-markdown', 'check-diff.md');
    expect(run.code).toBe(1);
    expect(run.err.split('\n').slice(-6, -4)).toEqual([
      'check: 4 of 5 files out of date; run `npm run generate`.',
      'Cell diff written to check-diff.md (markdown).',
    ]);
    expect(readFileSync(path.join(dir, 'check-diff.md'), 'utf8')).toBe(MARKDOWN);
  });

  it('generate prints the changed cells under each rewritten policy and writes the same markdown', async () => {
    expect(await runCliIn(dir, 'generate', '--diff-markdown=generate-diff.md')).toEqual({
      code: 0,
      err: goldenBasicLint(),
      out: [
        'BasePolicy      9 states  3 rules  5 distinct cells  generated/base-policy.ts      changed: 3 cells differ (before → after)',
        '  SCHEDULED → PAUSED: [] → [StartRuns]',
        '  PENDING → PAUSED: [] → [StartRuns]',
        '  null → PAUSED: [GuardTerminal] → [GuardTerminal, StartRuns]',
        'ExtendedPolicy  9 states  6 rules  5 distinct cells  generated/extended-policy.ts  changed: 3 cells differ (before → after)',
        '  SCHEDULED → PAUSED: [StampTransition] → [StartRuns, StartRunsAgain, StartRuns, StampTransition]',
        '  PENDING → PAUSED: [StampTransition] → [StartRuns, StartRunsAgain, StartRuns, StampTransition]',
        '  null → PAUSED: [GuardTerminal, StampTransition] → [GuardTerminal, StartRuns, StartRunsAgain, StartRuns, StampTransition]',
        // It imports the edited rules module: new inputs hash, same cells.
        'TicketPolicy    3 states  2 rules  2 distinct cells  generated/ticket-policy.ts    changed',
        'generated/gone-policy.ts removed',
        '3 policies, 11 rules, 12 distinct cells; 3 files written, 1 unchanged, 1 removed.',
        'Cell diff written to generate-diff.md (markdown).',
        '',
      ].join('\n'),
    });
    expect(readFileSync(path.join(dir, 'generate-diff.md'), 'utf8')).toBe(MARKDOWN);
  });

  it('a second generate changes nothing, and its markdown says so', async () => {
    const run = await runCliIn(dir, 'generate', '--diff-markdown', 'again.md');
    expect(run.out).not.toContain('→');
    expect(readFileSync(path.join(dir, 'again.md'), 'utf8')).toBe(
      '### Policy matrix changes\n\nNo policy matrix changes.\n',
    );
  });
});
