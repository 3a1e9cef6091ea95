/**
 * `policy-matrix bench`'s command line: `--json` takes a file here (it is a flag for
 * dump), `--policy` repeats, `--fail-on` takes a percentage and needs a baseline, and
 * the options every command takes still apply, before or after the command.
 */
import { describe, expect, it } from 'vitest';
import { parseArguments } from '../../codegen/cli/parse-arguments.ts';

describe('bench arguments', () => {
  it('reads every bench option, --json with its file and --policy repeated', () => {
    const parsed = parseArguments([
      '--config',
      'x.config.ts',
      'bench',
      '--policy',
      'A',
      '--policy=B',
      '--trace',
      'traffic.ndjson',
      '--quick',
      '--json',
      'out.json',
      '--markdown=out.md',
      '--svg',
      'out.svg',
      '--baseline',
      'base.json',
      '--fail-on',
      '25%',
      '--absolute',
      '--timeout=5',
    ]);
    expect(parsed).toMatchObject({
      command: 'bench',
      config: 'x.config.ts',
      timeout: 5,
      bench: {
        policies: ['A', 'B'],
        trace: 'traffic.ndjson',
        quick: true,
        json: 'out.json',
        markdown: 'out.md',
        svg: 'out.svg',
        baseline: 'base.json',
        failOn: 25,
        absolute: true,
      },
    });
  });

  it('rejects what bench does not take, and a gate without a baseline', () => {
    expect(parseArguments(['bench', '--strict'])).toEqual({
      error: 'Unknown option --strict for bench.',
    });
    expect(parseArguments(['bench', 'CoreTaskPolicy'])).toEqual({
      error: 'bench takes no arguments besides options, got CoreTaskPolicy.',
    });
    expect(parseArguments(['bench', '--json'])).toEqual({
      error: '--json needs a file: --json <file>.',
    });
    expect(parseArguments(['bench', '--baseline', 'b.json', '--fail-on', 'lots'])).toEqual({
      error: '--fail-on needs a percentage such as 20 (or 20%), got "lots".',
    });
    expect(parseArguments(['bench', '--fail-on', '20'])).toEqual({
      error: '--fail-on compares with a baseline: add --baseline <file> (an earlier bench --json).',
    });
    // dump keeps --json as a flag.
    expect(parseArguments(['dump', '--json'])).toMatchObject({ command: 'dump', json: true });
  });
});
