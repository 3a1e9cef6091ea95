/**
 * The heatmap's colour scale. Non-zero counts run along ColorBrewer's sequential
 * YlGnBu ramp (designed to stay ordered for the common colour-vision deficiencies and
 * in greyscale), from its third class so that one rule is already clearly tinted;
 * zero is a neutral light grey, so empty cells read as "nothing" rather than as the
 * low end of the scale. Ink (the count written in a cell) switches to white on dark
 * fills by relative luminance (WCAG 2), so every count stays legible.
 */

// ColorBrewer YlGnBu, 9 classes, classes 3 to 9 (Cynthia Brewer, colorbrewer2.org).
const RAMP = ['#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#253494', '#081d58'] as const;

/** The fill of an empty cell. */
export const EMPTY_FILL = '#eeeeee';

const DARK_INK = '#1a1a1a';
const LIGHT_INK = '#ffffff';
const EMPTY_INK = '#6e6e6e';

/**
 * The fill for a cell holding `count` rules when the busiest cell holds `max`: the
 * empty fill for 0, else a linear sRGB interpolation along the ramp, 1 at its light
 * end and `max` at its dark end. Lower-case `#rrggbb`. Pure.
 */
export function heatmapFill(count: number, max: number): string {
  if (count <= 0) return EMPTY_FILL;
  const t = max <= 1 ? 0 : Math.min(1, (count - 1) / (max - 1));
  const position = t * (RAMP.length - 1);
  const low = Math.floor(position);
  const high = Math.min(RAMP.length - 1, low + 1);
  const a = rgb(RAMP[low] as string);
  const b = rgb(RAMP[high] as string);
  const mix = position - low;
  return `#${a.map((channel, i) => hex(Math.round(channel + ((b[i] as number) - channel) * mix))).join('')}`;
}

/** The ink for the count written on `fill` (dark on light fills, white on dark). Pure. */
export function heatmapInk(fill: string): string {
  if (fill === EMPTY_FILL) return EMPTY_INK;
  const [r, g, b] = rgb(fill).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Pick whichever ink has the higher contrast ratio against the fill.
  const contrastWithWhite = 1.05 / (luminance + 0.05);
  const contrastWithDark = (luminance + 0.05) / (0.0103 + 0.05);
  return contrastWithWhite >= contrastWithDark ? LIGHT_INK : DARK_INK;
}

function rgb(colour: string): number[] {
  return [1, 3, 5].map((start) => Number.parseInt(colour.slice(start, start + 2), 16));
}

function hex(channel: number): string {
  return channel.toString(16).padStart(2, '0');
}
