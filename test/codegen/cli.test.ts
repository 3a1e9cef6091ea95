/**
 * The CLI (`policy-matrix <command>`), run in-process on a copy of the golden-basic
 * fixture with captured output. The installed command (the codegen package's bin, which
 * runs the compiled CLI) is tested from a packed tarball in test/package/.
 */
import { unlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../codegen/cli/run-cli.ts';
import { dump, type DumpContract } from '../../codegen/index.ts';
import { copyFixture, removeProject } from './support/fixture-project.ts';
import { goldenBasicLint } from './support/golden-basic-lint.ts';
import { runCliIn, type CliRun } from './support/run-cli-in-process.ts';

let dir: string;
beforeAll(() => {
  dir = copyFixture('golden-basic');
});
afterAll(() => removeProject(dir));

const cli = (...argv: string[]): Promise<CliRun> => runCliIn(dir, ...argv);

const LINT = goldenBasicLint();

describe(runCli.name, () => {
  it('generate prints one line per policy, then the total; lint findings on standard error', async () => {
    unlinkSync(path.join(dir, 'generated/ticket-policy.ts'));
    expect(await cli('generate')).toEqual({
      code: 0,
      err: LINT,
      out: [
        'BasePolicy      9 states  3 rules  5 distinct cells  generated/base-policy.ts      unchanged',
        'ExtendedPolicy  9 states  6 rules  5 distinct cells  generated/extended-policy.ts  unchanged',
        'TicketPolicy    3 states  2 rules  2 distinct cells  generated/ticket-policy.ts    created',
        '3 policies, 11 rules, 12 distinct cells; 1 file written, 3 unchanged, 0 removed.',
        '',
      ].join('\n'),
    });
  });

  it('check exits 0 when fresh; lint warnings do not fail it', async () => {
    expect(await cli('check')).toEqual({
      code: 0,
      err: LINT,
      out: 'check: 4 generated files in generated/ are fresh.\n',
    });
  });

  it('explain prints the rules in order with their source locations; null names no state', async () => {
    expect(await cli('explain', 'ExtendedPolicy', 'null', 'RUNNING')).toEqual({
      code: 0,
      err: '',
      out: [
        'ExtendedPolicy (src/policies.ts:12:14): null (no state) → RUNNING',
        '  1.  GuardTerminal    rule       src/rules.ts:5:14',
        '  2.  StartRuns        rule       src/rules.ts:10:14',
        '  3.  StartRunsAgain   rule       src/rules.ts:16:14',
        '  4.  StartRuns        rule       src/rules.ts:10:14',
        '  5.  StampTransition  transform  src/transforms.ts:4:14',
        '5 rules fire, in priority order.',
        '',
      ].join('\n'),
    });
  });

  it('explain reports an unknown policy or state with a suggestion', async () => {
    const policy = await cli('explain', 'BasePolicyy', 'null', 'RUNNING');
    expect(policy.code).toBe(1);
    expect(policy.err).toMatch(
      /^policy-matrix\.config\.ts:1:1: error PM060: .* Did you mean "BasePolicy"\? .*\n1 problem found\.\n$/,
    );
    const state = await cli('explain', 'TicketPolicy', 'open', 'close');
    expect(state.code).toBe(1);
    expect(state.err).toMatch(
      /^src\/policies\.ts:18:14: error PM061 \[TicketPolicy\]: "close" \(the to state\) .* Did you mean "closed"\? .*\n1 problem found\.\n$/,
    );
  });

  it('dump --json prints the contract read from the generated modules', async () => {
    const { code, out, err } = await cli('dump', '--json');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const contract = JSON.parse(out) as DumpContract;
    expect(
      contract.policies.map((p) => [p.name, p.source, p.states.length, p.cells.length]),
    ).toEqual([
      ['BasePolicy', 'src/policies.ts', 10, 100],
      ['ExtendedPolicy', 'src/policies.ts', 10, 100],
      ['TicketPolicy', 'src/policies.ts', 4, 16],
    ]);
    const ticket = contract.policies[2];
    expect(ticket?.states).toEqual(['open', 'in "review"', 'closed', null]);
    expect(ticket?.priority).toEqual(['TicketFlow', 'StampTransition']);
    expect(ticket?.cells.slice(0, 4)).toEqual([
      { from: 'open', to: 'open', rules: ['StampTransition'] },
      { from: 'open', to: 'in "review"', rules: ['TicketFlow', 'StampTransition'] },
      { from: 'open', to: 'closed', rules: ['TicketFlow', 'StampTransition'] },
      { from: 'open', to: null, rules: ['StampTransition'] },
    ]);
    expect((await dump({ cwd: dir, dynamic: true })).dump).toEqual(contract);
  });

  it('rejects unknown commands and options with usage, exit 2', async () => {
    const unknown = await cli('generat');
    expect(unknown.code).toBe(2);
    expect(unknown.err.split('\n')[0]).toBe(
      'Unknown command "generat"; expected one of generate, check, watch, explain, dump, report, lint, bench.',
    );
    expect((await cli('explain', 'BasePolicy')).err.split('\n')[0]).toBe(
      'explain takes a policy and two states: explain <Policy> <from> <to> (null names no state).',
    );
    expect((await cli('check', '--force')).err.split('\n')[0]).toBe('Unknown option --force.');
  });
});
