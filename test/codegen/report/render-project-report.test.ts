import { describe, expect, it } from 'vitest';
import { renderPolicyHeatmap } from '../../../codegen/report/render-policy-heatmap.ts';
import { renderPolicyMarkdown } from '../../../codegen/report/render-policy-markdown.ts';
import { renderProjectReport } from '../../../codegen/report/render-project-report.ts';
import { policy as core } from '../../fixtures/report-core-task/policy.ts';
import { buildPolicyModel } from './build-policy-model.ts';

const minimal = buildPolicyModel({
  name: 'MinimalFlowPolicy',
  states: ['A'],
  rules: [],
  priority: [],
});

describe(renderProjectReport.name, () => {
  const files = renderProjectReport({ policies: [core, minimal] });

  it('writes an index, then a report and a heatmap per policy', () => {
    expect(files.map((file) => file.path)).toEqual([
      'README.md',
      'core-task-policy.md',
      'core-task-policy.svg',
      'minimal-flow-policy.md',
      'minimal-flow-policy.svg',
    ]);
    expect(files[1]!.content).toBe(
      renderPolicyMarkdown(core, { heatmapFile: 'core-task-policy.svg' }),
    );
    expect(files[2]!.content).toBe(renderPolicyHeatmap(core));
  });

  it('links every policy from the index with its size', () => {
    expect(files[0]!.content.split('\n').slice(-3)).toEqual([
      '| [CoreTaskPolicy](core-task-policy.md) | 10 | 12 | 11 | 8 | `src/orion/core-task-policy.ts:24:14` |',
      '| [MinimalFlowPolicy](minimal-flow-policy.md) | 2 | 0 | 0 | 0 | `src/policies/minimal-flow-policy.ts:10:14` |',
      '',
    ]);
  });

  it('names files as the caller asks', () => {
    const named = renderProjectReport(
      { policies: [minimal] },
      { fileBase: (policy) => `x/${policy.exportName}` },
    );
    expect(named.map((file) => file.path)).toEqual([
      'README.md',
      'x/MinimalFlowPolicy.md',
      'x/MinimalFlowPolicy.svg',
    ]);
  });

  it('refuses two policies that would write the same file', () => {
    const twin = { ...minimal, name: 'Minimal_FlowPolicy' };
    expect(() => renderProjectReport({ policies: [minimal, twin] })).toThrow(
      'Policies MinimalFlowPolicy and Minimal_FlowPolicy would both write the report minimal-flow-policy.md; rename one of the classes',
    );
  });
});
