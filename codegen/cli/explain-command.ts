/** `policy-matrix explain <Policy> <from> <to>`: the rules that fire, in order, with source locations. */
import { explain, type ExplainResult } from '../explain/explain.ts';
import { formatProblems } from '../problem/problem.ts';
import type { ConfigOptions } from '../config/load-config.ts';
import type { CliIo } from './cli-io.ts';
import { plainName } from '../text/escape.ts';
import { formatTable, plural } from './table.ts';

/**
 * A state named on the command line: `null` names "no state"; a JSON string literal
 * (`'"null"'` in a shell) names the state it spells, so a state called `null`, or one
 * whose name holds spaces or escapes, can be named too; any other word is the state's
 * name as written.
 */
export function parseState(word: string): string | null {
  if (word === 'null') return null;
  if (word.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(word);
      if (typeof parsed === 'string') return parsed;
    } catch {
      // not a literal after all: the word itself
    }
  }
  return word;
}

export async function explainCommand(
  io: CliIo,
  source: ConfigOptions,
  [policy, from, to]: string[],
): Promise<number> {
  const result = await explain({
    ...source,
    policy: policy as string,
    from: parseState(from as string),
    to: parseState(to as string),
  });
  if (!result.ok) {
    io.err(`${formatProblems(result.problems)}\n`);
    return 1;
  }
  io.out(`${formatExplanation(result).join('\n')}\n`);
  return 0;
}

/** The explanation lines: the transition, one line per rule, then the count. */
export function formatExplanation(result: ExplainResult): string[] {
  const state = (s: string | null): string => (s === null ? 'null (no state)' : plainName(s));
  const where =
    result.location === undefined
      ? ''
      : ` (${result.location.file}:${result.location.line}:${result.location.column})`;
  const lines = [`${result.policy}${where}: ${state(result.from)} → ${state(result.to)}`];
  lines.push(
    ...formatTable(
      result.rules.map((rule, index) => [
        `  ${index + 1}.`,
        rule.name,
        rule.kind,
        `${rule.location.file}:${rule.location.line}:${rule.location.column}`,
      ]),
      new Set([0]),
    ),
  );
  lines.push(
    result.rules.length === 0
      ? 'No rule fires.'
      : `${plural(result.rules.length, 'rule')} fire${result.rules.length === 1 ? 's' : ''}, in priority order.`,
  );
  return lines;
}
