/**
 * The CI gate against doctored baselines: a run compared with a baseline in which it
 * was faster passes; one in which every case was 50% slower fails past --fail-on 20 and
 * passes at --fail-on 60; ratios by default, median times with `absolute`; cases in one
 * run only are listed, not compared. Pure: no timing is involved.
 */
import { describe, expect, it } from 'vitest';
import { compareWithBaseline } from '../../../codegen/bench/gate/compare-with-baseline.ts';
import { renderGate } from '../../../codegen/bench/gate/render-gate.ts';
import { syntheticReport as report } from './support/synthetic-report.ts';

describe(compareWithBaseline.name, () => {
  it('passes a run that got faster than its baseline', () => {
    const result = compareWithBaseline(report(5), report(8), { failOnPercent: 20 });
    expect(result.failed).toBe(false);
    expect(
      result.entries.find((e) => e.name === 'lookup/uniform generated-code ÷ raw-array')?.change,
    ).toBeCloseTo(-0.375);
  });

  it('fails a run 50% slower than its baseline past the threshold, and says by how much', () => {
    const slower = compareWithBaseline(report(7.5), report(5), { failOnPercent: 20 });
    expect(slower.failed).toBe(true);
    expect(
      slower.entries.filter((e) => e.fails).map((e) => [e.name, Math.round(e.change * 100)]),
    ).toEqual([
      ['lookup/uniform generated-code ÷ raw-array', 50],
      ['lookup/uniform generated-code ÷ dynamic-filter', 50],
    ]);
    expect(renderGate(slower, { failOnPercent: 20 }, 'base.json').split('\n')).toEqual([
      'Compared with base.json: ratios measured within each run; fails when slower by more than 20% with the quartile ranges apart.',
      '  FAIL   TicketPolicy lookup/uniform generated-code ÷ raw-array: 1.25× [1.02×–1.53×] → 1.88× [1.53×–2.29×] (+50%)',
      '  FAIL   TicketPolicy lookup/uniform generated-code ÷ dynamic-filter: 0.0125× [0.0102×–0.0153×] → 0.0187× [0.0153×–0.0229×] (+50%)',
      '  1 of 3 cases held within ±20%.',
      "gate: FAILED: 2 cases slower by more than 20%, beyond both runs' quartile ranges.",
      '',
    ]);
    expect(compareWithBaseline(report(7.5), report(5), { failOnPercent: 60 }).failed).toBe(false);
  });

  it('never fails on a move inside the quartile ranges, however large its median', () => {
    const baseline = report(5);
    const noisy = report(7.5);
    // The same medians, but a run whose quartiles reach down into the baseline's.
    for (const ratio of noisy.policies[0]!.ratios) ratio.low = ratio.ratio / 3;
    const result = compareWithBaseline(noisy, baseline, { failOnPercent: 20 });
    expect(result.failed).toBe(false);
    expect(result.entries.filter((e) => e.change > 0.2).every((e) => e.overlaps)).toBe(true);
  });

  it('compares median times only when asked to, and lists cases it cannot compare', () => {
    const absolute = compareWithBaseline(report(7.5), report(5, 'Other'), {
      failOnPercent: 20,
      absolute: true,
    });
    expect(absolute.entries).toEqual([]);
    expect(absolute.unmatched).toContain(
      'TicketPolicy lookup/uniform generated-code (not in the baseline)',
    );
    expect(absolute.unmatched).toContain(
      'Other lookup/uniform generated-code (not measured in this run)',
    );
    const times = compareWithBaseline(report(7.5), report(5), {
      failOnPercent: 20,
      absolute: true,
    });
    expect(times.entries.filter((e) => e.fails).map((e) => e.name)).toEqual([
      'lookup/uniform generated-code',
    ]);
  });
});
