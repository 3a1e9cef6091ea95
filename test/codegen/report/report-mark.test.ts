/**
 * Report banners: every report file says it was generated, and only files that say so
 * count as generated (the write step rewrites and removes only those).
 */
import { describe, expect, it } from 'vitest';
import { renderPolicyHeatmap } from '../../../codegen/report/render-policy-heatmap.ts';
import { renderPolicyMarkdown } from '../../../codegen/report/render-policy-markdown.ts';
import { renderProjectReport } from '../../../codegen/report/render-project-report.ts';
import { isGeneratedReport } from '../../../codegen/report/report-mark.ts';
import { policy as core } from '../../fixtures/report-core-task/policy.ts';

describe(isGeneratedReport.name, () => {
  it('recognises every file the report renderers write', () => {
    expect(isGeneratedReport(renderPolicyMarkdown(core))).toBe(true);
    expect(isGeneratedReport(renderPolicyHeatmap(core))).toBe(true);
    expect(
      renderProjectReport({ policies: [core] }).every((file) => isGeneratedReport(file.content)),
    ).toBe(true);
  });

  it('does not claim hand-written markdown or SVG, even when it mentions policy-matrix later', () => {
    expect(isGeneratedReport('# Notes\n<!-- policy-matrix report of X -->\n')).toBe(false);
    expect(
      isGeneratedReport('<?xml version="1.0"?>\n<svg/>\n<!-- policy-matrix report heatmap -->\n'),
    ).toBe(false);
    expect(isGeneratedReport('')).toBe(false);
  });
});
