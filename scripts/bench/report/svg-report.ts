/**
 * The SVG chart of a run (bench-results/latest.svg): one panel per section, drawn by the
 * compiler package's chart renderer. Lookups and orchestration span orders of magnitude
 * and use a log scale; codegen uses a linear one.
 */
import { renderSvgChart } from '../../../codegen/bench/report/svg-chart.ts';
import type { BenchRun, SectionId } from './bench-run.ts';

const PANELS: readonly { section: SectionId; title: string; log: boolean }[] = [
  { section: 'lookup', title: 'Rule lookup, ns per lookup (log scale)', log: true },
  { section: 'orchestration', title: 'Orchestration, ns per transition (log scale)', log: true },
  { section: 'orion', title: 'Orion task transitions, ns per transition (log scale)', log: true },
  { section: 'codegen', title: 'Code generation, ms per run', log: false },
];

export function renderSvgReport(run: BenchRun): string {
  const e = run.environment;
  return renderSvgChart({
    title: 'policy-matrix benchmarks: medians, whiskers p25–p75',
    panels: PANELS.map((panel) => ({
      title: panel.title,
      log: panel.log,
      groups: run.groups.filter((g) => g.section === panel.section),
    })),
    footer: `Node ${e.node} · ${e.cpu} × ${e.cores} · commit ${e.commit} · load before: ${e.loadBefore.replace(/^.*load average:\s*/, '')}${run.quick ? ' · quick run' : ''}`,
  });
}
