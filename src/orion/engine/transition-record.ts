/**
 * `TransitionRecord`: what the engine reports about each committed orchestration
 * (for monitoring and debugging; no behaviour depends on it).
 */
import type { OrchestrationResult } from '../../response.ts';
import type { StateName } from '../../state-type.ts';
import type { RunKind } from '../runs/run-kind.ts';

export interface TransitionRecord {
  kind: RunKind;
  runId: string;
  /** The intended transition: (initial type, proposed type) as orchestration began. */
  from: StateName | null;
  to: StateName | null;
  /** The name of the policy whose rules applied (a class or a compiled policy). */
  policy: string;
  result: OrchestrationResult;
  /** Rules and transforms whose before hook completed, in order. */
  ruleSignature: readonly string[];
  /** Rules and transforms whose after hook ran, in order. */
  finalizationSignature: readonly string[];
}
