/**
 * `explain <Policy> <from> <to>`: the rules that fire for one transition, in priority
 * order, each with its kind and source location. Reads and evaluates only the named
 * policy; `null` names "no state".
 */
import { compileWithConfig } from '../compile/compile-project.ts';
import { loadConfig, type ConfigOptions } from '../config/load-config.ts';
import type { SourceLocation } from '../model/policy-model.ts';
import { relativePosix } from '../path/relative-posix.ts';
import type { Problem } from '../problem/problem.ts';
import { stateLiteral, stringLiteral } from '../text/escape.ts';
import { didYouMean } from '../problem/suggest-name.ts';

export interface ExplainOptions extends ConfigOptions {
  policy: string;
  from: string | null;
  to: string | null;
}

export interface ExplainedRule {
  name: string;
  kind: 'rule' | 'transform';
  location: SourceLocation;
}

export interface ExplainResult {
  ok: boolean;
  problems: Problem[];
  policy: string;
  from: string | null;
  to: string | null;
  /** The rules that fire, in priority order. */
  rules: ExplainedRule[];
  /** Where the policy is declared. */
  location: SourceLocation | undefined;
}

/** Explains one transition of one policy. */
export async function explain(options: ExplainOptions): Promise<ExplainResult> {
  const result: ExplainResult = {
    ok: false,
    problems: [],
    policy: options.policy,
    from: options.from,
    to: options.to,
    rules: [],
    location: undefined,
  };
  const loaded = await loadConfig(options);
  if (loaded.config === undefined) return { ...result, problems: loaded.problems };
  const config = loaded.config;
  const compiled = await compileWithConfig(config, {
    only: new Set([options.policy]),
    emit: false,
    ...(options.progress === undefined ? {} : { progress: options.progress }),
  });
  if (compiled.problems.length > 0) return { ...result, problems: compiled.problems };
  const at = { file: relativePosix(config.root, config.configFile), line: 1, column: 1 };
  const policy = compiled.model?.policies.find((p) => p.name === options.policy);
  if (policy === undefined) {
    const available = compiled.read?.available ?? [];
    return {
      ...result,
      problems: [
        {
          code: 'PM060',
          ...at,
          message: `No policy named ${options.policy} in the config's modules.${didYouMean(options.policy, available)} Policies: ${available.join(', ') || '(none)'}.`,
        },
      ],
    };
  }
  const problems: Problem[] = [];
  const names = policy.states.filter((s): s is string => s !== null);
  const codeOf = (state: string | null, side: string): number => {
    const index = policy.states.indexOf(state);
    if (index < 0) {
      problems.push({
        code: 'PM061',
        ...policy.location,
        policy: policy.name,
        message: `${stateLiteral(state)} (the ${side} state) is not a state of ${policy.name}.${didYouMean(state ?? '', names)} Its states are ${names.map(stringLiteral).join(', ')} and null (no state).`,
      });
    }
    return index;
  };
  const from = codeOf(options.from, 'from');
  const to = codeOf(options.to, 'to');
  if (problems.length > 0) return { ...result, problems, location: policy.location };
  const size = policy.states.length;
  const cell = policy.distinctCells[policy.cells[from * size + to] as number] ?? [];
  return {
    ...result,
    ok: true,
    location: policy.location,
    rules: cell.map((index) => {
      const rule = policy.rules[index];
      return {
        name: rule?.name ?? '?',
        kind: rule?.kind ?? 'rule',
        location: rule?.location ?? policy.location,
      };
    }),
  };
}
