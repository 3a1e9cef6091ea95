/**
 * An SVG bar chart of measured groups (this repository's bench-results/latest.svg, and
 * `policy-matrix bench --svg`): one panel per part of a run, one row per case, one bar
 * per workload (the group's median), with a whisker over p25–p75. Panels whose figures
 * span orders of magnitude use a log scale. Plain SVG 1.1 text, no scripts or external
 * fonts, stable for a given run.
 */
import { formatFigure } from '../harness/format-figure.ts';
import type { MeasuredGroup } from '../harness/measured-group.ts';
import { xmlText } from '../../text/escape.ts';

const WIDTH = 960;
const LABEL_X = 16;
const PLOT_X0 = 190;
const PLOT_X1 = 840;
const BAR = 13;
const BAR_GAP = 3;
const CASE_GAP = 10;
const COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#b07aa1'];

/** One panel: its heading, its scale, and the groups drawn in it (one colour each). */
export interface ChartPanel {
  readonly title: string;
  readonly log: boolean;
  readonly groups: readonly MeasuredGroup[];
}

export interface ChartSpec {
  /** The chart's heading. */
  readonly title: string;
  readonly panels: readonly ChartPanel[];
  /** One line under the chart: the machine, its load, the commit. */
  readonly footer: string;
}

/** The chart as SVG text; panels without groups are left out. */
export function renderSvgChart(chart: ChartSpec): string {
  const parts: string[] = [];
  let y = 40;
  for (const panel of chart.panels) {
    if (panel.groups.length === 0) continue;
    const { svg, height } = renderPanel(panel.title, panel.groups, panel.log, y);
    parts.push(svg);
    y += height + 24;
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y + 20}" viewBox="0 0 ${WIDTH} ${y + 20}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${LABEL_X}" y="24" font-size="16" font-weight="bold">${xmlText(chart.title)}</text>`,
    ...parts,
    `<text x="${LABEL_X}" y="${y + 4}" fill="#555555" font-size="11">${xmlText(chart.footer)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

function renderPanel(
  title: string,
  groups: readonly MeasuredGroup[],
  log: boolean,
  top: number,
): { svg: string; height: number } {
  const caseNames = [...new Set(groups.flatMap((g) => g.cases.map((c) => c.name)))];
  const values = groups.flatMap((g) =>
    g.cases.flatMap((c) => [c.summary.p25, c.summary.p75, c.summary.median]),
  );
  const scale = log ? logScale(values) : linearScale(values);
  const legend = groups.map((g, i) => {
    const x = PLOT_X0 + i * 190;
    return (
      `<rect x="${x}" y="${top + 8}" width="10" height="10" fill="${COLORS[i % COLORS.length]}"/>\n` +
      `<text x="${x + 14}" y="${top + 17}">${xmlText(`${g.workload} (${g.unit} per ${g.per})`)}</text>`
    );
  });
  const plotTop = top + 28;
  const bars: string[] = [];
  let y = plotTop;
  for (const name of caseNames) {
    const rows = groups
      .map((g, i) => ({
        color: COLORS[i % COLORS.length]!,
        measured: g.cases.find((c) => c.name === name),
      }))
      .filter((r) => r.measured !== undefined);
    const blockHeight = rows.length * (BAR + BAR_GAP) - BAR_GAP;
    bars.push(
      `<text x="${PLOT_X0 - 8}" y="${y + blockHeight / 2 + 4}" text-anchor="end">${xmlText(name)}</text>`,
    );
    for (const { color, measured } of rows) {
      const s = measured!.summary;
      const x = scale.x(s.median);
      const mid = y + BAR / 2;
      const p25 = round(scale.x(s.p25));
      const p75 = round(scale.x(s.p75));
      bars.push(
        `<rect x="${PLOT_X0}" y="${y}" width="${round(Math.max(1, x - PLOT_X0))}" height="${BAR}" fill="${color}"/>`,
        `<path d="M${p25} ${mid - 3}V${mid + 3}M${p25} ${mid}H${p75}M${p75} ${mid - 3}V${mid + 3}" stroke="#222222" fill="none"/>`,
        `<text x="${round(Math.max(x, p75) + 6)}" y="${mid + 4}" font-size="11">${xmlText(formatFigure(s.median))}</text>`,
      );
      y += BAR + BAR_GAP;
    }
    y += CASE_GAP - BAR_GAP;
  }
  const plotBottom = y - CASE_GAP + 6;
  const grid = scale.ticks.map((tick) => {
    const x = round(scale.x(tick));
    return (
      `<line x1="${x}" y1="${plotTop - 4}" x2="${x}" y2="${plotBottom}" stroke="#dddddd"/>\n` +
      `<text x="${x}" y="${plotBottom + 14}" text-anchor="middle" fill="#555555" font-size="11">${xmlText(formatFigure(tick))}</text>`
    );
  });
  const heading = `<text x="${LABEL_X}" y="${top}" font-size="14" font-weight="bold">${xmlText(title)}</text>`;
  // Grid lines first, so that the bars are drawn over them.
  return { svg: [heading, ...legend, ...grid, ...bars].join('\n'), height: plotBottom + 18 - top };
}

interface Scale {
  x(value: number): number;
  ticks: number[];
}

function logScale(values: readonly number[]): Scale {
  const positive = values.filter((v) => v > 0);
  const lo = Math.floor(Math.log10(Math.min(...positive)));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(Math.max(...positive))));
  const span = hi - lo;
  const ticks = Array.from({ length: span + 1 }, (_, i) => 10 ** (lo + i));
  return {
    x: (v) => PLOT_X0 + ((Math.log10(Math.max(v, 10 ** lo)) - lo) / span) * (PLOT_X1 - PLOT_X0),
    ticks,
  };
}

function linearScale(values: readonly number[]): Scale {
  const max = Math.max(...values, 1);
  const step = niceStep(max / 5);
  const top = Math.ceil(max / step) * step;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  return { x: (v) => PLOT_X0 + (Math.max(0, v) / top) * (PLOT_X1 - PLOT_X0), ticks };
}

function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalised = raw / magnitude;
  return (normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10) * magnitude;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
