/**
 * The SVG chart of a `policy-matrix bench` run (`--svg <file>`): per policy, a panel of
 * lookups and, when measured, a panel of whole transitions, each case a bar per
 * workload with its p25–p75 whisker, on a log scale. Drawn by the chart renderer this
 * repository's own benchmarks use. Pure.
 */
import type { BenchReport } from '../bench-report.ts';
import { renderSvgChart, type ChartPanel } from './svg-chart.ts';

export function renderBenchSvg(report: BenchReport): string {
  const panels: ChartPanel[] = report.policies.flatMap((policy) => [
    {
      title: `${policy.name}: rule lookup, ns per lookup (log scale)`,
      log: true,
      groups: policy.groups.filter((g) => g.section === 'lookup'),
    },
    {
      title: `${policy.name}: whole transitions, ns per transition (log scale)`,
      log: true,
      groups: policy.groups.filter((g) => g.section === 'transition'),
    },
  ]);
  const e = report.environment;
  return renderSvgChart({
    title: 'policy-matrix bench: medians, whiskers p25–p75',
    panels,
    footer: `Node ${e.node} · ${e.cpu} × ${e.cores} · commit ${e.commit} · load before: ${e.loadBefore.replace(/^.*load average:\s*/, '')}${report.quick ? ' · quick run' : ''}`,
  });
}
