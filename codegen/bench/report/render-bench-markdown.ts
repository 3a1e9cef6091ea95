/**
 * The markdown rendering of a `policy-matrix bench` run (`--markdown <file>`): the
 * machine and its load, then per policy one table per group (median, p25–p75, ratios
 * to the floor and to the generated lookup), the ratios the CI gate compares, and the
 * notes. Pure.
 */
import { formatFigure, formatRatio } from '../harness/format-figure.ts';
import type { BenchGroup, BenchReport } from '../bench-report.ts';
import { markdownRunHeader } from './markdown-run-header.ts';

export function renderBenchMarkdown(report: BenchReport, command: string): string {
  const lines = markdownRunHeader({
    title: 'policy-matrix bench',
    command,
    quick: report.quick,
    unit: 'group',
    environment: report.environment,
  });
  for (const policy of report.policies) {
    lines.push(
      `## ${policy.name}`,
      '',
      `${policy.states} states with null, ${policy.rules} rules; \`${policy.module}\`.`,
      '',
    );
    for (const group of policy.groups) lines.push(...renderGroup(group), '');
    if (policy.transitionsSkipped !== undefined)
      lines.push(`Whole transitions: not measured (${policy.transitionsSkipped}).`, '');
    if (policy.ratios.length > 0) {
      lines.push(
        '| ratio (what the CI gate compares) | median | from quartiles |',
        '| --- | ---: | ---: |',
      );
      for (const r of policy.ratios)
        lines.push(
          `| ${r.group} \`${r.subject}\` ÷ \`${r.reference}\` | ${formatRatio(r.ratio)} | ${formatRatio(r.low)}–${formatRatio(r.high)} |`,
        );
      lines.push('');
    }
  }
  if (report.notes.length > 0) lines.push('## Notes', '', ...report.notes.map((n) => `* ${n}`), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

function renderGroup(group: BenchGroup): string[] {
  const references = group.section === 'lookup' ? ['raw-array', 'generated-code'] : ['matrix'];
  const median = (name: string): number | undefined =>
    group.cases.find((c) => c.name === name)?.summary.median;
  return [
    `### ${group.section} · ${group.workload} (${group.unit} per ${group.per})`,
    '',
    group.description,
    '',
    `| case | median | p25–p75 | ${references.map((r) => `× ${r}`).join(' | ')} | samples |`,
    `| --- | ---: | ---: | ${references.map(() => '---:').join(' | ')} | ---: |`,
    ...group.cases.map((c) => {
      const ratios = references.map((r) => {
        const base = median(r);
        return base === undefined ? '' : formatRatio(c.summary.median / base);
      });
      return `| \`${c.name}\` | ${formatFigure(c.summary.median)} | ${formatFigure(c.summary.p25)}–${formatFigure(c.summary.p75)} | ${ratios.join(' | ')} | ${c.summary.samples} |`;
    }),
  ];
}
