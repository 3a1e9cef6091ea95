/**
 * Golden tests: the markdown report and the SVG heatmap of each report fixture,
 * compared byte for byte with the files checked in next to it. After an intended
 * change, regenerate them with `PM_UPDATE_GOLDEN=1 npx vitest run test/codegen/report/report-golden.test.ts`
 * and review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPolicyHeatmap } from '../../../codegen/report/render-policy-heatmap.ts';
import { renderPolicyMarkdown } from '../../../codegen/report/render-policy-markdown.ts';
import { FIXTURES, loadReportFixture, reportFixtureNames } from './load-report-fixture.ts';
import { xmlWellFormednessError } from './xml-well-formed.ts';

const update = process.env.PM_UPDATE_GOLDEN === '1';

function expectGolden(file: string, actual: string): void {
  if (update) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('report fixtures', () => {
  it('exist', () => {
    expect(reportFixtureNames()).toEqual(['report-core-task', 'report-hostile', 'report-mini']);
  });

  describe.each(reportFixtureNames())('%s', (name) => {
    it('renders the markdown report byte for byte', async () => {
      const policy = await loadReportFixture(name);
      expectGolden(
        path.join(FIXTURES, name, 'expected.md'),
        renderPolicyMarkdown(policy, { heatmapFile: 'expected.svg' }),
      );
    });

    it('renders the heatmap byte for byte', async () => {
      const policy = await loadReportFixture(name);
      expectGolden(path.join(FIXTURES, name, 'expected.svg'), renderPolicyHeatmap(policy));
    });

    it('renders a heatmap that is well-formed XML', async () => {
      expect(xmlWellFormednessError(renderPolicyHeatmap(await loadReportFixture(name)))).toBeNull();
    });
  });
});
