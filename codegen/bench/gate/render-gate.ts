/**
 * The gate's report: the cases that moved by more than the threshold (or by more than
 * 10% when only reporting), each with baseline and current figures and their quartile
 * ranges, whether the ranges overlap, and the verdict; then how many held. Pure.
 */
import { formatFigure, formatRatio } from '../harness/format-figure.ts';
import type { GateEntry, GateFigure, GateOptions, GateResult } from './compare-with-baseline.ts';

/** Moves smaller than this are "held" when no threshold is given. */
const REPORT_ONLY_PERCENT = 10;

export function renderGate(result: GateResult, options: GateOptions, baselineFile: string): string {
  const threshold = options.failOnPercent ?? REPORT_ONLY_PERCENT;
  const what = options.absolute === true ? 'median times (ns)' : 'ratios measured within each run';
  const lines = [
    `Compared with ${baselineFile}: ${what}; ${options.failOnPercent === undefined ? 'report only (no --fail-on)' : `fails when slower by more than ${threshold}% with the quartile ranges apart`}.`,
  ];
  const moved = result.entries.filter((e) => Math.abs(e.change) * 100 > threshold);
  for (const entry of moved) lines.push(`  ${renderEntry(entry, options.absolute === true)}`);
  lines.push(
    `  ${result.entries.length - moved.length} of ${result.entries.length} cases held within ±${threshold}%.`,
  );
  for (const u of result.unmatched) lines.push(`  not compared: ${u}`);
  if (options.failOnPercent !== undefined) {
    const failed = result.entries.filter((e) => e.fails).length;
    lines.push(
      failed === 0
        ? `gate: passed (no case slower by more than ${threshold}%).`
        : `gate: FAILED: ${failed} ${failed === 1 ? 'case' : 'cases'} slower by more than ${threshold}%, beyond both runs' quartile ranges.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function renderEntry(entry: GateEntry, absolute: boolean): string {
  const show = (f: GateFigure): string =>
    absolute
      ? `${formatFigure(f.value)} ns [${formatFigure(f.low)}–${formatFigure(f.high)}]`
      : `${formatRatio(f.value)} [${formatRatio(f.low)}–${formatRatio(f.high)}]`;
  const sign = entry.change > 0 ? '+' : '';
  const verdict = entry.fails ? 'FAIL' : entry.change > 0 ? 'slower' : 'faster';
  return `${verdict.padEnd(6)} ${entry.policy} ${entry.name}: ${show(entry.baseline)} → ${show(entry.current)} (${sign}${(entry.change * 100).toFixed(0)}%${entry.overlaps ? ', quartile ranges overlap' : ''})`;
}
