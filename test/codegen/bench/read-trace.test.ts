/**
 * Reading `--trace` files: NDJSON and JSON arrays of `[from, to]` pairs, `null` for no
 * state; every malformed entry and every state the policy lacks is a problem at its
 * line and column, and nothing is read partly.
 */
import { describe, expect, it } from 'vitest';
import { checkTraceStates, parseTrace } from '../../../codegen/bench/trace/read-trace.ts';
import { formatProblem } from '../../../codegen/problem/problem.ts';

const STATES = ['open', 'in "review"', 'closed', null];

describe(parseTrace.name, () => {
  it('reads NDJSON, one pair per line, skipping blank lines', () => {
    const read = parseTrace('[null, "open"]\n\n  ["open", "closed"]\r\n', 't.ndjson');
    expect(read.problems).toEqual([]);
    expect(read.entries).toEqual([
      { pair: [null, 'open'], line: 1, column: 1 },
      { pair: ['open', 'closed'], line: 3, column: 3 },
    ]);
  });

  it('reads a JSON array of pairs, locating each element', () => {
    const read = parseTrace(
      '[\n  ["open", "in \\"review\\""],\n  [ "in \\"review\\"", null ] ]',
      't.json',
    );
    expect(read.problems).toEqual([]);
    expect(read.entries).toEqual([
      { pair: ['open', 'in "review"'], line: 2, column: 3 },
      { pair: ['in "review"', null], line: 3, column: 3 },
    ]);
    expect(parseTrace('[]', 't.json').problems.map(formatProblem)).toEqual([
      't.json:1:1: error PM070: The trace holds no transitions; write one ["FROM", "TO"] pair per line (NDJSON) or a JSON array of pairs.',
    ]);
  });

  it('reports every malformed entry where it is written', () => {
    const read = parseTrace(
      '["open", "closed"]\n["open"]\n{"from": "open"}\n["open", 3]\n["open", "closed"',
      't.ndjson',
    );
    expect(read.problems.map(formatProblem)).toEqual([
      't.ndjson:2:1: error PM070: Malformed trace entry "[\\"open\\"]": expected a pair ["FROM", "TO"] (null for no state).',
      't.ndjson:3:1: error PM070: Malformed trace entry "{\\"from\\": \\"open\\"}": expected a pair ["FROM", "TO"] (null for no state).',
      't.ndjson:4:1: error PM070: Malformed trace entry "[\\"open\\", 3]": a state is a non-empty string or null, got 3.',
      expect.stringMatching(
        /^t\.ndjson:5:1: error PM070: Malformed trace entry "\[\\"open\\", \\"closed\\"": .+\. Write each transition as \["FROM", "TO"\] \(null for no state\)\.$/,
      ),
    ]);
  });

  it('reports an array that is not closed, or is followed by more text', () => {
    expect(parseTrace('[["open", "closed"],\n', 't.json').problems.map(formatProblem)).toEqual([
      't.json:2:1: error PM070: Malformed trace: the array is not closed with ].',
    ]);
    expect(parseTrace('[["open", "closed"]] x', 't.json').problems.map(formatProblem)).toEqual([
      't.json:1:22: error PM070: Malformed trace: text after the closing ] of the array.',
    ]);
  });
});

describe(checkTraceStates.name, () => {
  it("names each entry with a state the policy does not have, and the policy's states", () => {
    const { entries } = parseTrace(
      '["open", "closed"]\n["open", "done"]\n["null", null]\n',
      't.ndjson',
    );
    expect(
      checkTraceStates(entries, 't.ndjson', 'TicketPolicy', STATES).map(formatProblem),
    ).toEqual([
      't.ndjson:2:1: error PM071 [TicketPolicy]: Unknown state "done": TicketPolicy has the states "open", "in \\"review\\"", "closed", null. Fix the trace, or choose the policy it was recorded for with --policy <Name>.',
      't.ndjson:3:1: error PM071 [TicketPolicy]: Unknown state "null": TicketPolicy has the states "open", "in \\"review\\"", "closed", null. Fix the trace, or choose the policy it was recorded for with --policy <Name>.',
    ]);
  });
});
