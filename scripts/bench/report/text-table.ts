/**
 * The console rendering of a run: per group, the medians with their interquartile range,
 * the fastest sample and the ratio to the group's fastest case; then every target with
 * its ratio and PASS or MISS; then the environment.
 */
import { formatTable } from '../../../codegen/cli/table.ts';
import type { BenchRun, MeasuredGroup } from './bench-run.ts';
import { formatFigure, formatRatio } from '../../../codegen/bench/harness/format-figure.ts';
import { describeTarget, judgeTargets } from './targets.ts';

export function renderTextTable(run: BenchRun): string {
  const lines: string[] = [];
  for (const group of run.groups) lines.push(...renderGroup(group), '');
  lines.push(
    'Targets (ratio of medians; in brackets the ratio from the quartiles, p25/p75 to p75/p25):',
  );
  for (const v of judgeTargets(run)) {
    lines.push(
      `  ${v.pass ? 'PASS' : 'MISS'}  ${describeTarget(v.target).padEnd(44)} ${v.workload.padEnd(10)} ` +
        `${formatRatio(v.ratio).padStart(7)}  [${formatRatio(v.low)}–${formatRatio(v.high)}]`,
    );
  }
  const e = run.environment;
  lines.push(
    '',
    `Node ${e.node} (V8 ${e.v8}) · ${e.cpu} × ${e.cores} · ${e.platform} · commit ${e.commit}`,
    `load before: ${e.loadBefore}`,
    `load after:  ${e.loadAfter}`,
  );
  for (const note of run.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}

function renderGroup(group: MeasuredGroup): string[] {
  const fastest = Math.min(...group.cases.map((c) => c.summary.median));
  const rows = group.cases.map((c) => [
    c.name,
    formatFigure(c.summary.median),
    `${formatFigure(c.summary.p25)}–${formatFigure(c.summary.p75)}`,
    formatFigure(c.summary.min),
    formatRatio(c.summary.median / fastest),
    String(c.summary.samples),
    c.note ?? '',
  ]);
  const header = ['case', 'median', 'p25–p75', 'min', '× fastest', 'samples', ''];
  // The case name and the note left-aligned, the figures right-aligned.
  const figures = new Set([1, 2, 3, 4, 5]);
  const table = formatTable([header, ...rows], figures).map((line) => `  ${line}`.trimEnd());
  return [
    `${group.section} · ${group.workload} — ${group.unit} per ${group.per}${group.reported ? ' (the JSON reports this group)' : ''}`,
    `  ${group.description}`,
    ...table,
  ];
}
