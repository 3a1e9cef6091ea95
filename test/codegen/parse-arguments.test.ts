/**
 * The CLI's argument parser: commands, positionals, options with values (`--x v` and
 * `--x=v`), flags, and a usage error for every mistake, naming the commands an option
 * applies to.
 */
import { describe, expect, it } from 'vitest';
import { parseArguments } from '../../codegen/cli/parse-arguments.ts';

const DEFAULTS = {
  positionals: [],
  config: undefined,
  json: false,
  dynamic: false,
  strict: false,
  diffMarkdown: undefined,
  out: undefined,
};

describe(parseArguments.name, () => {
  it('reads generate and check with --strict and --diff-markdown in either spelling', () => {
    expect(parseArguments(['generate', '--strict', '--diff-markdown', 'pr.md'])).toEqual({
      ...DEFAULTS,
      command: 'generate',
      strict: true,
      diffMarkdown: 'pr.md',
    });
    expect(parseArguments(['check', '--diff-markdown=out/pr.md', '--config=x.config.ts'])).toEqual({
      ...DEFAULTS,
      command: 'check',
      diffMarkdown: 'out/pr.md',
      config: 'x.config.ts',
    });
  });

  it('reads report with --out and lint with --strict', () => {
    expect(parseArguments(['report', '--out', 'docs'])).toEqual({
      ...DEFAULTS,
      command: 'report',
      out: 'docs',
    });
    expect(parseArguments(['lint', '--strict'])).toEqual({
      ...DEFAULTS,
      command: 'lint',
      strict: true,
    });
  });

  it('rejects an option on a command it does not apply to, naming the commands it does', () => {
    expect(parseArguments(['lint', '--out', 'docs'])).toEqual({
      error: '--out only applies to report.',
    });
    expect(parseArguments(['report', '--strict'])).toEqual({
      error: '--strict only applies to generate, check and lint.',
    });
    expect(parseArguments(['lint', '--diff-markdown', 'pr.md'])).toEqual({
      error: '--diff-markdown only applies to generate and check.',
    });
    expect(parseArguments(['check', '--json'])).toEqual({ error: '--json only applies to dump.' });
  });

  it('asks for the value an option needs', () => {
    expect(parseArguments(['generate', '--diff-markdown'])).toEqual({
      error: '--diff-markdown needs a file: --diff-markdown <file>.',
    });
    expect(parseArguments(['report', '--out='])).toEqual({
      error: '--out needs a dir: --out <dir>.',
    });
  });

  it('treats words that name Object.prototype members as words, not options or commands', () => {
    expect(parseArguments(['constructor'])).toEqual({
      error:
        'Unknown command "constructor"; expected one of generate, check, watch, explain, dump, report, lint, bench.',
    });
    expect(parseArguments(['lint', 'toString'])).toEqual({
      error: 'lint takes no arguments besides options, got toString.',
    });
  });
});
