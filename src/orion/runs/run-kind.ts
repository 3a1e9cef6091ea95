/**
 * `RunKind`: which of the two run tables a run, its states and its orchestration
 * context belong to (the flavours differ in which state table
 * validation writes to).
 */

/** `flow` for flow runs, `task` for task runs. */
export type RunKind = 'flow' | 'task';
