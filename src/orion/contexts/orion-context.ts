/**
 * `OrionContext`: either Orion context. Rules that serve both run kinds (and the
 * common global transforms) take this union and tell the kinds apart by `kind`.
 */
import type { FlowOrchestrationContext } from './flow-orchestration-context.ts';
import type { TaskOrchestrationContext } from './task-orchestration-context.ts';

export type OrionContext = FlowOrchestrationContext | TaskOrchestrationContext;
