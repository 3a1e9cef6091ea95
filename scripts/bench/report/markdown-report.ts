/**
 * The markdown rendering of a run (bench-results/latest.md): the environment and load,
 * one table per measured group (median, p25–p75, fastest sample, ratio to the group's
 * fastest case), the targets with PASS or MISS, and the command that produced it.
 */
import type { BenchRun, MeasuredGroup } from './bench-run.ts';
import { formatFigure, formatRatio } from '../../../codegen/bench/harness/format-figure.ts';
import { markdownRunHeader } from '../../../codegen/bench/report/markdown-run-header.ts';
import { describeTarget, judgeTargets } from './targets.ts';

export function renderMarkdown(run: BenchRun, command: string): string {
  const lines = markdownRunHeader({
    title: 'policy-matrix benchmarks',
    command,
    quick: run.quick,
    unit: 'section',
    environment: run.environment,
    more: ['The chart of the same run is `latest.svg`; the benchmark JSON is `latest.json`.'],
  });
  for (const group of run.groups) lines.push(...renderGroup(group), '');
  lines.push(
    '## Targets',
    '',
    '| target | workload | ratio of medians | from quartiles | verdict |',
    '| --- | --- | ---: | ---: | --- |',
  );
  for (const v of judgeTargets(run)) {
    lines.push(
      `| ${describeTarget(v.target)} | ${v.workload} | ${formatRatio(v.ratio)} | ${formatRatio(v.low)}–${formatRatio(v.high)} | ${v.pass ? 'PASS' : 'MISS'} |`,
    );
  }
  if (run.notes.length > 0) lines.push('', '## Notes', '', ...run.notes.map((n) => `* ${n}`));
  return `${lines.join('\n')}\n`;
}

function renderGroup(group: MeasuredGroup): string[] {
  const fastest = Math.min(...group.cases.map((c) => c.summary.median));
  const hasNotes = group.cases.some((c) => c.note !== undefined);
  return [
    `## ${group.section} · ${group.workload} (${group.unit} per ${group.per})`,
    '',
    `${group.description}${group.reported ? ' The JSON reports this group.' : ''}`,
    '',
    `| case | median | p25–p75 | min | × fastest | samples |${hasNotes ? ' |' : ''}`,
    `| --- | ---: | ---: | ---: | ---: | ---: |${hasNotes ? ' --- |' : ''}`,
    ...group.cases.map(
      (c) =>
        `| \`${c.name}\` | ${formatFigure(c.summary.median)} | ${formatFigure(c.summary.p25)}–${formatFigure(c.summary.p75)} | ` +
        `${formatFigure(c.summary.min)} | ${formatRatio(c.summary.median / fastest)} | ${c.summary.samples} |` +
        (hasNotes ? ` ${c.note ?? ''} |` : ''),
    ),
  ];
}
