/**
 * Problems as tests assert them: code and place (and the policy and rule, when named),
 * one string each, in printed order. The full texts are pinned once, in
 * test/codegen/diagnostics.golden.txt, so rewording a message changes one file.
 */
import { sortProblems, type Problem } from '../../../codegen/problem/problem.ts';

/** `PM041 src/policies.ts:4:19 [Policy/Rule]` per problem, sorted as printed. */
export function located(problems: readonly Problem[]): string[] {
  return sortProblems(problems).map((problem) => {
    const names = [problem.policy, problem.rule].filter((name) => name !== undefined);
    const subject = names.length === 0 ? '' : ` [${names.join('/')}]`;
    return `${problem.code} ${problem.file}:${problem.line}:${problem.column}${subject}`;
  });
}
