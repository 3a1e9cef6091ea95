/**
 * Source locations as editors and terminals link them: `file:line:column`.
 */
import type { SourceLocation } from '../model/policy-model.ts';

/** `file:line:column`, 1-based, exactly as the model holds it. Pure. */
export function formatLocation(location: SourceLocation): string {
  return `${location.file}:${location.line}:${location.column}`;
}
