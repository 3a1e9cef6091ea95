/**
 * Messages name states as JSON string literals, one problem per line, with line
 * breaks and bidirectional controls escaped; `explain` names a state called `null`
 * with the literal `"null"` (the word null names no state).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblems, generate } from '../../codegen/index.ts';
import { parseState } from '../../codegen/cli/explain-command.ts';
import { FIXTURES, readTree } from './support/fixture-project.ts';
import { located } from './support/located.ts';
import { runCliIn } from './support/run-cli-in-process.ts';

describe('messages about hostile state names', () => {
  it('writes every state name as an escaped literal, one problem per line', async () => {
    const dir = path.join(FIXTURES, 'broken-hostile-names');
    const before = readTree(dir);
    const result = await generate({ cwd: dir });
    expect(located(result.problems)).toEqual([
      'PM041 src/policies.ts:4:19 [HostilePolicy/Misnamed]',
      'PM041 src/policies.ts:5:19 [HostilePolicy/Misnamed]',
    ]);
    // The whole lines are pinned in the golden messages (test/codegen/diagnostics.golden.txt).
    const lines = formatProblems(result.problems).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('contains "new\\nlines", which is not a state of HostilePolicy');
    expect(lines[1]).toContain('contains "\\u202Equxquxqux"');
    expect(lines[1]).toContain(
      'Its states are "new\\nline", "evil\\u202Eright", "null" (and null).',
    );
    expect(lines.join('\n')).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(readTree(dir)).toEqual(before);
  });

  it('keeps a problem on one line even when its message holds a line break', () => {
    expect(
      formatProblems([
        { code: 'PM099', file: 'a.ts', line: 1, column: 1, message: 'one\ntwo\u2028three' },
      ]),
    ).toBe('a.ts:1:1: error PM099: one\\ntwo\\u2028three\n1 problem found.');
  });
});

describe('explain and a state named null', () => {
  it('reads the word null as no state and the literal "null" as the state of that name', () => {
    expect(parseState('null')).toBe(null);
    expect(parseState('"null"')).toBe('null');
    expect(parseState('"new\\nline"')).toBe('new\nline');
    expect(parseState('"unterminated')).toBe('"unterminated');
  });

  it('explains the transitions from the state "null" and from no state apart', async () => {
    const dir = path.join(FIXTURES, 'explain-null-state');
    const named = await runCliIn(dir, 'explain', 'NullNamePolicy', '"null"', 'DONE');
    expect(named.err).toBe('');
    expect(named.out).toBe(
      [
        'NullNamePolicy (src/policies.ts:13:14): "null" → DONE',
        '  1.  FromNamedNull  rule  src/policies.ts:3:14',
        '1 rule fires, in priority order.',
        '',
      ].join('\n'),
    );
    const none = await runCliIn(dir, 'explain', 'NullNamePolicy', 'null', 'DONE');
    expect(none.out).toBe(
      [
        'NullNamePolicy (src/policies.ts:13:14): null (no state) → DONE',
        '  1.  FromNoState  rule  src/policies.ts:8:14',
        '1 rule fires, in priority order.',
        '',
      ].join('\n'),
    );
  });
});
