/**
 * The SVG heatmap of one policy: from-states as rows, to-states as columns (`null`
 * included, labelled with an italic `∅ (null)`), each cell coloured by the number of rules that
 * fire there and labelled with that number, plus axis titles and a colour legend.
 *
 * Accessible (`role="img"`, `<title>` and `<desc>` referenced by `aria-labelledby`;
 * every cell and axis label carries a `<title>` tooltip with full names and rules),
 * XML-safe for any state name, and sized for 1 to ~64 states: cells shrink from 44 to
 * 16 px, labels longer than 20 characters are truncated with `…`. Layout uses a
 * monospace font for names so widths can be estimated without font metrics. The
 * output is a pure function of the model: byte-identical across runs and machines.
 */
import type { PolicyModel } from '../model/policy-model.ts';
import { formatLocation } from './format-location.ts';
import { heatmapFill, heatmapInk } from './heatmap-palette.ts';
import { policyCellRules } from './policy-cell-rules.ts';
import { policyLegend } from './policy-legend.ts';
import { markupCommentText, printableName, xmlText } from '../text/escape.ts';
import { reportBanner } from './report-mark.ts';
import { NULL_STATE_LABEL } from './state-label.ts';

/** Labels longer than this many characters are truncated (full name in the tooltip). */
const HEATMAP_LABEL_LIMIT = 20;

const MONO = "ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace";
const SANS = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";
const MARGIN = 16;
// Average advance of a monospace glyph and a generous one for sans-serif text, in em.
const MONO_ADVANCE = 0.6;
const SANS_ADVANCE = 0.58;
const COS45 = Math.SQRT1_2;
// The null state's axis label. A bare `∅` is a speck at label size and looks like a
// state named "∅"; the word and italics make it unmistakable.
const NULL_LABEL = `${NULL_STATE_LABEL} (null)`;
const FROM_TITLE = 'from (initial state) ↓';
// Keeps leading, trailing and repeated spaces of names visible. Chromium ignores it on
// a group (checked by rendering), so each label carries it.
const PRESERVE = ' xml:space="preserve"';

/**
 * The SVG document (with XML declaration, ending with a newline) of `policy`'s
 * heatmap. Pure; throws a `TypeError` when the model is inconsistent (see
 * `policyCellRules`).
 */
export function renderPolicyHeatmap(policy: PolicyModel): string {
  const size = policy.states.length;
  const cellRules = policyCellRules(policy);
  const legend = policyLegend(policy);
  const max = Math.max(...cellRules.map((rules) => rules.length));
  const id = `pm-heatmap-${policy.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;

  const cell = clamp(Math.floor(640 / size), 16, 44);
  const countFont = clamp(Math.floor(cell * 0.42), 8, 14);
  const labelFont = clamp(cell - 6, 9, 12);
  const labels = policy.states.map((state) =>
    state === null ? NULL_LABEL : truncate(printableName(state)),
  );
  const longest = Math.max(...labels.map((label) => [...label].length));
  const labelWidth = longest * labelFont * MONO_ADVANCE;

  const title = `${printableName(policy.name)}: rules per transition`;
  const subtitle = 'rows: from (initial state) · columns: to (proposed state) · ∅ = null, no state';
  const titleBottom = MARGIN + 16 + 20;
  const axisTitleFont = 12;
  // Column labels rise at 45° from the top edge of the grid.
  const columnLabelHeight = Math.ceil(labelWidth * COS45 + labelFont) + 8;
  const gridTop = titleBottom + 14 + axisTitleFont + columnLabelHeight;
  const gridLeft =
    MARGIN + Math.ceil(Math.max(labelWidth, FROM_TITLE.length * axisTitleFont * SANS_ADVANCE)) + 8;
  const gridSize = size * cell;
  const gridBottom = gridTop + gridSize;

  const legendValues = legendCounts(max);
  const swatch = 20;
  const legendTop = gridBottom + 22;
  const legendLabelY = legendTop + 12;
  const swatchTop = legendLabelY + 8;
  const height = swatchTop + swatch + 16 + MARGIN;
  const width = Math.ceil(
    Math.max(
      gridLeft + gridSize + labelWidth * COS45 + labelFont,
      MARGIN + title.length * 16 * SANS_ADVANCE,
      MARGIN + subtitle.length * 12 * SANS_ADVANCE,
      gridLeft + legendValues.length * (swatch + 6),
    ) + MARGIN,
  );

  const out: string[] = [];
  const emptyCount = legend.emptyCellCount;
  const description =
    `Heatmap of policy ${printableName(policy.name)} (${formatLocation(policy.location)}): ` +
    `for each of the ${size * size} transitions between its ${size - 1} states and null ` +
    `(rows: from, columns: to), the number of rules that fire, from 0 to ${max}; ` +
    `${emptyCount} ${emptyCount === 1 ? 'transition has' : 'transitions have'} no rule, ` +
    `${legend.entries.length} distinct rule ${legend.entries.length === 1 ? 'sequence' : 'sequences'}.`;
  out.push(
    '<?xml version="1.0" encoding="UTF-8"?>',
    reportBanner(
      `heatmap of ${markupCommentText(policy.name)} (${markupCommentText(formatLocation(policy.location))})`,
    ),
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${xmlText(SANS)}">`,
    `<title id="${id}-title">${xmlText(title)}</title>`,
    `<desc id="${id}-desc">${xmlText(description)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="${MARGIN + 16}" font-size="16" font-weight="bold" fill="#1a1a1a">${xmlText(title)}</text>`,
    `<text x="${MARGIN}" y="${titleBottom}" font-size="12" fill="#444444">${xmlText(subtitle)}</text>`,
  );

  // Axis titles: "to" centred over the column labels.
  const toTitleY = titleBottom + 14 + axisTitleFont;
  out.push(
    `<text x="${num(gridLeft + gridSize / 2)}" y="${toTitleY}" font-size="${axisTitleFont}" ` +
      `font-weight="bold" text-anchor="middle" fill="#1a1a1a">to (proposed state) →</text>`,
  );
  // "from" sits in the corner above the row labels, right-aligned with them.
  out.push(
    `<text x="${gridLeft - 6}" y="${gridTop - 8}" font-size="${axisTitleFont}" font-weight="bold" ` +
      `text-anchor="end" fill="#1a1a1a">${xmlText(FROM_TITLE)}</text>`,
  );

  // Axis labels, each with its full name as a tooltip.
  out.push(`<g font-family="${xmlText(MONO)}" font-size="${labelFont}" fill="#1a1a1a">`);
  policy.states.forEach((state, index) => {
    const label = xmlText(labels[index] as string);
    const tooltip = xmlText(stateTooltip(state));
    const italic = state === null ? ' font-style="italic"' : '';
    const rowY = num(gridTop + index * cell + cell / 2);
    out.push(
      `<text x="${gridLeft - 6}" y="${rowY}" dy=".35em" text-anchor="end"${italic}${PRESERVE}>` +
        `<title>from ${tooltip}</title>${label}</text>`,
    );
    const columnX = num(gridLeft + index * cell + cell / 2);
    const columnY = gridTop - 6;
    out.push(
      `<text x="${columnX}" y="${columnY}" transform="rotate(-45 ${columnX} ${columnY})"${italic}${PRESERVE}>` +
        `<title>to ${tooltip}</title>${label}</text>`,
    );
  });
  out.push('</g>');

  // Cells: fill by count, the count written in, rules in the tooltip.
  out.push(`<g font-size="${countFont}" text-anchor="middle">`);
  for (let from = 0; from < size; from += 1) {
    for (let to = 0; to < size; to += 1) {
      const rules = cellRules[from * size + to] ?? [];
      const fill = heatmapFill(rules.length, max);
      const x = gridLeft + to * cell;
      const y = gridTop + from * cell;
      const names = rules.map((rule) => printableName(policy.rules[rule]?.name ?? '')).join(', ');
      const entry = legend.entries[legend.entryOfCell[from * size + to] ?? -1];
      const tooltip =
        `${stateTooltip(policy.states[from] ?? null)} → ${stateTooltip(policy.states[to] ?? null)}: ` +
        (entry === undefined ? 'no rules' : `${rules.length} (${entry.key}) ${names}`);
      out.push(
        `<g><title>${xmlText(tooltip)}</title>` +
          `<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${fill}" stroke="#ffffff"/>` +
          `<text x="${num(x + cell / 2)}" y="${num(y + cell / 2)}" dy=".35em" fill="${heatmapInk(fill)}">${rules.length}</text></g>`,
      );
    }
  }
  out.push('</g>');
  out.push(
    `<rect x="${gridLeft}" y="${gridTop}" width="${gridSize}" height="${gridSize}" fill="none" stroke="#999999"/>`,
  );

  // Colour legend: one swatch per shown count.
  out.push(
    `<text x="${gridLeft}" y="${legendLabelY}" font-size="12" fill="#1a1a1a">rules per cell</text>`,
    '<g font-size="11" text-anchor="middle">',
  );
  legendValues.forEach((value, index) => {
    const x = gridLeft + index * (swatch + 6);
    const fill = heatmapFill(value, max);
    out.push(
      `<rect x="${x}" y="${swatchTop}" width="${swatch}" height="${swatch}" fill="${fill}" stroke="#999999"/>` +
        `<text x="${num(x + swatch / 2)}" y="${swatchTop + swatch + 13}" fill="#1a1a1a">${value}</text>`,
    );
  });
  out.push('</g>', '</svg>');
  return `${out.join('\n')}\n`;
}

/** The counts shown in the legend: every count up to 12, else 0 and ten spread from 1 to max. */
function legendCounts(max: number): number[] {
  if (max <= 12) return Array.from({ length: max + 1 }, (_, value) => value);
  const values = [0];
  for (let step = 0; step < 10; step += 1) {
    const value = Math.round(1 + (step * (max - 1)) / 9);
    if (values[values.length - 1] !== value) values.push(value);
  }
  return values;
}

function stateTooltip(state: string | null): string {
  return state === null ? 'null (no state)' : printableName(state);
}

function truncate(label: string): string {
  const chars = [...label];
  return chars.length <= HEATMAP_LABEL_LIMIT
    ? label
    : `${chars.slice(0, HEATMAP_LABEL_LIMIT - 1).join('')}…`;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** A coordinate with at most two decimals and no trailing zeros: stable text for any input. */
function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}
