/**
 * `commitRunState`: validation for Orion runs (see docs/orchestration-semantics.md), the `commit`
 * the engine hands to `orchestrate`.
 */
import type { CommitState } from '../../commit-state.ts';
import type { OrionContext } from '../contexts/orion-context.ts';

/**
 * A null proposal writes nothing and validates the run's current state (or null). A
 * state is stored as the run's new current state in the context's state table (its
 * data as a result artifact), and the stored row, data attached, is the validated
 * state. Whatever the store throws becomes an ABORT in `orchestrate`.
 */
export const commitRunState: CommitState<OrionContext> = (proposed, context) => {
  const { kind, run, session } = context;
  if (proposed === null) return run.stateId === null ? null : session.readState(kind, run.stateId);
  return session.insertRunState(kind, run.id, proposed);
};
