import { describe, expect, it } from 'vitest';
import { renderPolicyHeatmap } from '../../../codegen/report/render-policy-heatmap.ts';
import { policy as hostile } from '../../fixtures/report-hostile/policy.ts';
import { buildPolicyModel } from './build-policy-model.ts';
import { xmlWellFormednessError } from './xml-well-formed.ts';

function sized(states: number) {
  const names = Array.from({ length: states }, (_, index) => `STATE_${index}`);
  return buildPolicyModel({
    name: `Sized${states}`,
    states: names,
    rules: [
      { name: 'Half', from: names.slice(0, Math.ceil(states / 2)), to: 'any' },
      { name: 'Always', kind: 'transform', from: 'any', to: 'any' },
    ],
    priority: ['Half', 'Always'],
  });
}

function dimensions(svg: string): { width: number; height: number } {
  const match = /<svg [^>]*width="(\d+)" height="(\d+)" viewBox="0 0 \1 \2"/.exec(svg);
  if (match === null) throw new Error('no width, height and matching viewBox on <svg>');
  return { width: Number(match[1]), height: Number(match[2]) };
}

describe(renderPolicyHeatmap.name, () => {
  const svg = renderPolicyHeatmap(hostile);

  it('is labelled for assistive technology by its title and description', () => {
    expect(svg).toContain(
      'role="img" aria-labelledby="pm-heatmap-Hostile_Policy_-title pm-heatmap-Hostile_Policy_-desc"',
    );
    expect(svg).toContain(
      '<title id="pm-heatmap-Hostile_Policy_-title">Hostile$Policy_: rules per transition</title>',
    );
    expect(svg).toMatch(
      /<desc id="pm-heatmap-Hostile_Policy_-desc">Heatmap of policy Hostile\$Policy_ \(src\/odd--dir\/hostile policy\.ts:7:1\): for each of the 100 transitions between its 9 states and null/,
    );
  });

  it('draws one rectangle with its count and a tooltip per cell', () => {
    const cells = [
      ...svg.matchAll(/<g><title>([^<]*)<\/title><rect [^>]*\/><text [^>]*>(\d+)<\/text><\/g>/g),
    ];
    expect(cells).toHaveLength(100);
    expect(cells[0]![1]).toBe('A|B → A|B: 1 (A) Everywhere');
    expect(cells[2]![1]).toBe('A|B → &lt;b&gt;&amp;amp;&lt;/b&gt;: 2 (B) Pipe$Rule, Everywhere');
    expect(cells[2]![2]).toBe('2');
  });

  it('escapes hostile names and keeps their spaces', () => {
    expect(svg).toContain('xml:space="preserve"><title>from   spaced  </title>  spaced  </text>');
    expect(svg).toContain('<title>from line\\nbreak\\u0007</title>line\\nbreak\\u0007</text>');
    expect(svg).toContain('<title>to &quot;quoted&quot; &apos;single&apos;</title>');
  });

  it('truncates long labels and keeps the full name in the tooltip', () => {
    expect(svg).toContain(
      '<title>from A_VERY_LONG_STATE_NAME_THAT_NEEDS_TRUNCATION</title>A_VERY_LONG_STATE_N…</text>',
    );
  });

  it('labels the null state "∅ (null)" in italics, unlike states named null or ∅', () => {
    expect(svg).toContain(
      'font-style="italic" xml:space="preserve"><title>from null (no state)</title>∅ (null)</text>',
    );
    expect(svg).toContain(
      'text-anchor="end" xml:space="preserve"><title>from null</title>null</text>',
    );
    expect(svg).toContain('text-anchor="end" xml:space="preserve"><title>from ∅</title>∅</text>');
  });

  it('shows one legend swatch per count from 0 to the maximum', () => {
    const legend = svg.split('rules per cell</text>')[1]!;
    expect([...legend.matchAll(/<text [^>]*>(\d+)<\/text>/g)].map((match) => match[1])).toEqual([
      '0',
      '1',
      '2',
    ]);
  });

  it('samples the legend when the busiest cell holds more than 12 rules', () => {
    const names = Array.from({ length: 30 }, (_, index) => `R${index}`);
    const busy = buildPolicyModel({
      name: 'Busy',
      states: ['A'],
      rules: names.map((name) => ({ name, from: 'any' as const, to: 'any' as const })),
      priority: names,
    });
    const legend = renderPolicyHeatmap(busy).split('rules per cell</text>')[1]!;
    expect(
      [...legend.matchAll(/<text [^>]*>(\d+)<\/text>/g)].map((match) => Number(match[1])),
    ).toEqual([0, 1, 4, 7, 11, 14, 17, 20, 24, 27, 30]);
  });

  it.each([1, 2, 10, 32, 64])('is well-formed and sensibly sized with %i states', (states) => {
    const heatmap = renderPolicyHeatmap(sized(states));
    expect(xmlWellFormednessError(heatmap)).toBeNull();
    const { width, height } = dimensions(heatmap);
    expect(width).toBeGreaterThan(300);
    expect(width).toBeLessThan(1400);
    expect(height).toBeLessThan(1400);
  });

  it('shrinks cells from 44 px to no less than 16 px as states are added', () => {
    const cellSize = (states: number) =>
      Number(
        /<rect x="\d+" y="\d+" width="(\d+)"/.exec(
          renderPolicyHeatmap(sized(states)).split('<g><title>')[1]!,
        )![1],
      );
    expect([2, 10, 20, 64, 100].map(cellSize)).toEqual([44, 44, 30, 16, 16]);
  });

  it('is deterministic', () => {
    expect(renderPolicyHeatmap(structuredClone(hostile))).toBe(svg);
  });
});
