/**
 * The terminal rendering of a `policy-matrix bench` run: per policy, per group, the
 * median of each case with its interquartile range and its ratio to the floor (the raw
 * array) and to the generated lookup (`generated-code`; for whole transitions, `matrix`);
 * then the notes and the machine with its load. Pure.
 */
import { formatFigure, formatRatio } from '../harness/format-figure.ts';
import type { BenchGroup, BenchReport, PolicyBench } from '../bench-report.ts';

export function renderBenchTable(report: BenchReport): string {
  const lines: string[] = [];
  for (const policy of report.policies) lines.push(...renderPolicy(policy), '');
  for (const note of report.notes) lines.push(`note: ${note}`);
  const e = report.environment;
  lines.push(
    `${report.quick ? 'quick run (few samples; for a smoke test, not for comparison) · ' : ''}Node ${e.node} · ${e.cpu} × ${e.cores} · commit ${e.commit}`,
    `load before: ${e.loadBefore}`,
    `load after:  ${e.loadAfter}`,
  );
  return `${lines.join('\n')}\n`;
}

function renderPolicy(policy: PolicyBench): string[] {
  const lines = [
    `${policy.name} (${policy.states} states with null, ${policy.rules} rules; ${policy.module})`,
  ];
  for (const group of policy.groups) lines.push(...renderGroup(group));
  if (policy.transitionsSkipped !== undefined)
    lines.push(`  whole transitions: not measured (${policy.transitionsSkipped})`);
  return lines;
}

function renderGroup(group: BenchGroup): string[] {
  const median = (name: string): number | undefined =>
    group.cases.find((c) => c.name === name)?.summary.median;
  const references =
    group.section === 'lookup' ? (['raw-array', 'generated-code'] as const) : (['matrix'] as const);
  const header = ['case', 'median', 'p25–p75', ...references.map((r) => `× ${r}`), 'samples'];
  const rows = group.cases.map((c) => [
    c.name,
    formatFigure(c.summary.median),
    `${formatFigure(c.summary.p25)}–${formatFigure(c.summary.p75)}`,
    ...references.map((r) => {
      const base = median(r);
      return base === undefined ? '' : formatRatio(c.summary.median / base);
    }),
    String(c.summary.samples),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (cells: string[]): string =>
    `    ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')}`.trimEnd();
  return [
    `  ${group.section} · ${group.workload}, ${group.unit} per ${group.per}: ${group.description}`,
    format(header),
    ...rows.map(format),
  ];
}
