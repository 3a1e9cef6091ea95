/**
 * A bench report made up for the gate's tests: one policy whose lookups cost fixed
 * figures (quartiles ±10%), so that comparisons have known answers.
 */
import type { BenchGroup, BenchReport } from '../../../../codegen/bench/bench-report.ts';
import { benchRatios } from '../../../../codegen/bench/gate/bench-ratios.ts';

function summary(median: number) {
  return { median, p25: median * 0.9, p75: median * 1.1, min: median * 0.8, samples: 10 };
}

/**
 * A report of one policy whose generated lookups cost `generated` ns by code and
 * `generatedString` ns by name, against a 4 ns floor and a 400 ns dynamic filter.
 */
export function syntheticReport(
  generated: number,
  policy = 'TicketPolicy',
  generatedString = 20,
): BenchReport {
  const groups: BenchGroup[] = [
    {
      section: 'lookup',
      workload: 'uniform',
      per: 'lookup',
      unit: 'ns',
      reported: true,
      description: 'uniform pairs',
      cases: [
        { name: 'raw-array', summary: summary(4) },
        { name: 'generated-code', summary: summary(generated) },
        { name: 'generated-string', summary: summary(generatedString) },
        { name: 'nested-map', summary: summary(30) },
        { name: 'dynamic-filter', summary: summary(400) },
      ],
    },
  ];
  return {
    version: 1,
    quick: true,
    trace: null,
    environment: {
      node: 'v20',
      v8: '11',
      cpu: 'cpu',
      cores: 2,
      platform: 'linux',
      loadBefore: '',
      loadAfter: '',
      commit: 'abc',
      startedAt: '',
    },
    policies: [
      {
        name: policy,
        module: 'generated/p.ts',
        states: 4,
        rules: 2,
        groups,
        ratios: benchRatios(groups),
      },
    ],
    notes: [],
  };
}
