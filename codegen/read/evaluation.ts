/**
 * The evaluation step's plain data: what the compiler asks the evaluation child process
 * (import these modules, evaluate these policies) and what it answers (true states,
 * priority lists and FROM/TO membership, and the facts behind every problem found).
 * The child reports facts; the compiler turns them into located messages.
 */
import type { ThrownError } from '../problem/thrown-error.ts';

export interface EvaluationRequest {
  kind: 'evaluate';
  /** The config modules, absolute paths, in config order. */
  modules: string[];
  /**
   * Evaluate only policies with these class names (default: every exported class that
   * extends `OrchestrationPolicy`). The child starts while static discovery is still
   * running, so it finds policies itself; discovery then decides which ones count.
   */
  only?: string[];
  /** Also run each policy's own `compileTransitionRules` over every pair (`dump --dynamic`). */
  dynamicCells?: boolean;
}

export interface EvaluationResponse {
  kind: 'evaluate';
  /** Config modules whose import threw. */
  moduleErrors: { module: string; error: ThrownError }[];
  /**
   * Every function a config module exports. `identity` numbers distinct objects, so two
   * exports with the same identity are the same class.
   */
  exports: ExportedFunction[];
  policies: PolicyEvaluation[];
}

export interface ExportedFunction {
  module: string;
  exportName: string;
  identity: number;
  /** The function's `name`. */
  className: string;
}

export interface PolicyEvaluation {
  /** The identity of the policy class among `exports`. */
  identity: number;
  className: string;
  /** The policy's state types, without `null`; `undefined` when they are invalid. */
  states: string[] | undefined;
  /** The distinct rules of `priority()`, in order of first appearance. */
  rules: RuleEvaluation[];
  /** `priority()` as indices into `rules`. */
  priority: number[];
  issues: EvaluationIssue[];
  /**
   * With `dynamicCells`: for every `(from, to)` of the universe, row-major, the
   * indices into `rules` that `compileTransitionRules(from, to)` returned.
   */
  dynamicCells?: number[][];
}

export interface RuleEvaluation {
  /** The identity of the export this class is, or `null` when no config module exports it. */
  identity: number | null;
  className: string;
  kind: 'rule' | 'transform';
  /** FROM_STATES membership over the universe (states then null): one `1` or `0` each. */
  from: string;
  /** TO_STATES membership over the universe. */
  to: string;
}

export type SetSide = 'FROM_STATES' | 'TO_STATES';

/** A fact about a policy that makes it impossible to compile. */
export type EvaluationIssue =
  | { kind: 'states-threw'; error: ThrownError }
  | { kind: 'states-not-a-list'; description: string }
  | { kind: 'state-not-a-string'; index: number; description: string }
  | { kind: 'state-empty'; index: number }
  | { kind: 'state-duplicate'; name: string; first: number; second: number }
  | { kind: 'priority-threw'; error: ThrownError }
  | { kind: 'priority-not-a-list'; description: string }
  | { kind: 'priority-entry-not-a-rule'; index: number; description: string }
  | { kind: 'rule-not-exported'; rule: number }
  | { kind: 'set-not-a-set'; rule: number; side: SetSide; description: string }
  | { kind: 'set-threw'; rule: number; side: SetSide; error: ThrownError }
  | { kind: 'set-entry-invalid'; rule: number; side: SetSide; description: string }
  | { kind: 'set-entry-unknown'; rule: number; side: SetSide; entry: string }
  | { kind: 'dynamic-filter-threw'; error: ThrownError };
