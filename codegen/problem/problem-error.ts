/**
 * Problems as a thrown error, for the few API calls that reject instead of resolving to
 * a result with `problems` (`watch`, when its config cannot be loaded). Like every
 * compiler error it carries a code: the first problem's, in the printed order.
 */
import type { ProblemCode } from './diagnostics.ts';
import { formatProblem, sortProblems, type Problem } from './problem.ts';

export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  /** The code of the first problem. */
  readonly code: ProblemCode;
  /** Every problem, sorted as printed (at least one). */
  readonly problems: readonly Problem[];

  /** `problems` must not be empty. The message is their printed lines, one per problem. */
  constructor(problems: readonly Problem[]) {
    const sorted = sortProblems(problems);
    const first = sorted[0];
    if (first === undefined) throw new RangeError('ProblemError needs at least one problem.');
    super(sorted.map(formatProblem).join('\n'));
    this.code = first.code;
    this.problems = sorted;
  }
}
