/**
 * The demo's rule sources: the generated matrices, as a hot path would use them.
 */
export { GENERATED_RULE_SOURCES as DEMO_RULE_SOURCES } from '../generated-rule-sources.ts';

/** Shown in the demo's header line. */
export const DEMO_RULE_SOURCES_LABEL = 'generated matrices (generated/)';
