/**
 * Reports over the compiler's model: per policy a markdown report and an SVG heatmap
 * of its transition matrix, and a project index (per-cell diffs live in `../diff/`).
 * All pure: they return text; the CLI decides where it goes. Everything public is
 * listed here by name.
 */
export { formatLocation } from './format-location.ts';
export { EMPTY_FILL, heatmapFill, heatmapInk } from './heatmap-palette.ts';
export { markdownCode, markdownText } from './markdown-text.ts';
export { plainName, plainState } from './plain-name.ts';
export { policyLegend, type LegendEntry, type PolicyLegend } from './policy-legend.ts';
export { printableName } from './printable-name.ts';
export { HEATMAP_LABEL_LIMIT, renderPolicyHeatmap } from './render-policy-heatmap.ts';
export { renderPolicyMarkdown, type PolicyMarkdownOptions } from './render-policy-markdown.ts';
export {
  renderProjectReport,
  type ProjectReportOptions,
  type ReportFile,
} from './render-project-report.ts';
export { reportFileBase } from './report-file-base.ts';
export { commentText, isGeneratedReport, REPORT_MARK, reportBanner } from './report-mark.ts';
export { ruleCoverage, type CellRegion, type RuleCoverage } from './rule-coverage.ts';
export { NULL_STATE_LABEL, stateLabel } from './state-label.ts';
