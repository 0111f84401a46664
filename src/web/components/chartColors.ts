// Chart colours from the Designsystemet theme tokens, checked for contrast
// against the chart background (WCAG 1.4.11: graphics need 3:1). A token that
// falls short (a custom theme, dark mode) is darkened or lightened until it
// passes, so the chart never relies on a colour that cannot be seen.

export type Rgb = { r: number; g: number; b: number };

/** Minimum contrast of bars, lines and segments against the background. */
export const GRAPHIC_CONTRAST = 3;

export function parseColor(value: string): Rgb | null {
  const s = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(s);
  if (hex?.[1]) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    return { r: parseInt(h.slice(0, 2), 16), g: parseInt(h.slice(2, 4), 16), b: parseInt(h.slice(4, 6), 16) };
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(s);
  if (rgb) return { r: Number(rgb[1]), g: Number(rgb[2]), b: Number(rgb[3]) };
  return null;
}

export function toHex({ r, g, b }: Rgb): string {
  const part = (n: number) => Math.round(Math.min(255, Math.max(0, n))).toString(16).padStart(2, '0');
  return `#${part(r)}${part(g)}${part(b)}`;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function luminance({ r, g, b }: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio, 1–21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return { r: a.r + (b.r - a.r) * t, g: a.g + (b.g - a.g) * t, b: a.b + (b.b - a.b) * t };
}

/** The colour, moved towards black (light background) or white (dark) until it has `min` contrast. */
export function ensureContrast(color: Rgb, background: Rgb, min = GRAPHIC_CONTRAST): Rgb {
  if (contrast(color, background) >= min) return color;
  const target = luminance(background) > 0.5 ? { r: 0, g: 0, b: 0 } : { r: 255, g: 255, b: 255 };
  for (let t = 0.05; t <= 1; t += 0.05) {
    const next = mix(color, target, t);
    if (contrast(next, background) >= min) return next;
  }
  return target;
}

/** `n` colours from `from` to `to` (ordered scales such as levels), each with enough contrast. */
export function sequentialScale(from: Rgb, to: Rgb, n: number, background: Rgb): string[] {
  if (n <= 0) return [];
  if (n === 1) return [toHex(ensureContrast(to, background))];
  return Array.from({ length: n }, (_, i) => toHex(ensureContrast(mix(from, to, i / (n - 1)), background)));
}

// Token, and the digdir theme's value should the token be missing.
const CATEGORICAL: [string, string][] = [
  ['--ds-color-accent-base-default', '#0062ba'],
  ['--ds-color-brand1-border-strong', '#9e3d40'],
  ['--ds-color-brand2-border-default', '#9a7216'],
  ['--ds-color-success-border-strong', '#056d13'],
  ['--ds-color-accent-text-default', '#002c54'],
  ['--ds-color-neutral-border-strong', '#545e6b'],
  ['--ds-color-brand1-text-default', '#4b1d1e'],
  ['--ds-color-brand3-border-default', '#197dc9'],
];

export type ChartPalette = {
  /** The page's font, so ECharts measures text as it is drawn. */
  fontFamily: string;
  background: string;
  text: string;
  subtleText: string;
  gridLine: string;
  axisLine: string;
  /** Distinct hues for series that are not ordered. */
  categorical: string[];
  /** Light to dark accent steps for ordered series (levels). */
  sequential: (n: number) => string[];
  /** For "don't know" and other neutral series. */
  neutral: string;
};

/** The palette as the theme defines it where `el` sits in the page. */
export function chartPalette(el: Element): ChartPalette {
  const style = getComputedStyle(el);
  const token = (name: string, fallback: string): Rgb => parseColor(style.getPropertyValue(name)) ?? parseColor(fallback) ?? { r: 0, g: 0, b: 0 };
  const background = token('--ds-color-neutral-background-default', '#ffffff');
  const hex = (c: Rgb, min = GRAPHIC_CONTRAST) => toHex(ensureContrast(c, background, min));
  const scaleFrom = token('--ds-color-accent-border-default', '#2a7cc5');
  const scaleTo = token('--ds-color-accent-text-default', '#002c54');
  return {
    fontFamily: style.fontFamily || 'sans-serif',
    background: toHex(background),
    text: hex(token('--ds-color-neutral-text-default', '#1f2c3d'), 4.5),
    subtleText: hex(token('--ds-color-neutral-text-subtle', '#545e6b'), 4.5),
    gridLine: toHex(token('--ds-color-neutral-border-subtle', '#c8cdd3')),
    axisLine: hex(token('--ds-color-neutral-border-default', '#717a84')),
    categorical: CATEGORICAL.map(([name, fallback]) => hex(token(name, fallback))),
    sequential: (n) => sequentialScale(scaleFrom, scaleTo, n, background),
    neutral: hex(token('--ds-color-neutral-border-default', '#717a84')),
  };
}
