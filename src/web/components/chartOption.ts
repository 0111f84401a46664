import type { ChartPalette } from './chartColors';

// What a chart shows, independent of ECharts, and its translation into an
// ECharts option. Pure, so it is unit-tested without a browser.

export type ChartSeries = {
  name: string;
  /** One value per category; null = no figure (suppressed or nobody answered). */
  values: (number | null)[];
  /** Draw in the neutral colour (e.g. "don't know"). */
  neutral?: boolean;
};

export type ChartSpec = {
  kind: 'bar' | 'line';
  categories: string[];
  series: ChartSeries[];
  /** Bars: categories down the side, bars growing to the right (long names fit). */
  horizontal?: boolean;
  /** Bars: series stacked into one bar per category. */
  stacked?: boolean;
  /** Series are ordered steps (levels): light to dark of one hue instead of distinct hues. */
  scale?: 'categorical' | 'sequential';
  min?: number;
  max?: number;
  /** Counts: whole-number steps on the value axis. */
  integer?: boolean;
  /** Formats values on the axis, in tooltips and in the table. */
  format: (value: number) => string;
};

const LINE_SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'emptyCircle', 'emptyRect', 'emptyTriangle', 'emptyDiamond'];
const LINE_TYPES = ['solid', 'dashed', 'dotted'] as const;

/** Patterns on top of the colour, so bar series can be told apart without colour vision. */
function decal(index: number): Record<string, unknown> | undefined {
  const patterns: Record<string, unknown>[] = [
    { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 4 },
    { symbol: 'circle', symbolSize: 0.6, dashArrayX: [[6, 6], [0, 6, 6, 0]], dashArrayY: [6, 0] },
    { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: -Math.PI / 4 },
    { symbol: 'rect', dashArrayX: [[4, 4]], dashArrayY: [4, 4] },
    { symbol: 'triangle', symbolSize: 0.7, dashArrayX: [[8, 8], [0, 8, 8, 0]], dashArrayY: [6, 0] },
  ];
  if (index === 0) return undefined;
  const p = patterns[(index - 1) % patterns.length];
  return p ? { ...p, color: 'rgba(255, 255, 255, 0.6)' } : undefined;
}

/** The widest a legend entry's text may be at this chart width. */
function legendTextWidth(width: number): number {
  return Math.max(60, Math.min(280, width - 50));
}

/** Rough width of a legend entry in px (icon, gap, text). */
function legendItemWidth(name: string, width: number): number {
  return 25 + 10 + Math.min(name.length * 7, legendTextWidth(width)) + 12;
}

/** How many lines the legend takes at this width. */
export function legendLines(series: ChartSeries[], width: number): number {
  if (series.length <= 1) return 0;
  let lines = 1;
  let used = 0;
  for (const s of series) {
    const w = legendItemWidth(s.name, width);
    if (used > 0 && used + w > width) {
      lines += 1;
      used = 0;
    }
    used += w;
  }
  return lines;
}

const LEGEND_LINE = 24;

/** Height in px the chart needs at this width. */
export function chartHeight(spec: ChartSpec, width: number): number {
  const legend = legendLines(spec.series, width) * LEGEND_LINE;
  if (spec.kind === 'bar' && spec.horizontal) {
    const perCategory = spec.stacked ? 30 : Math.max(22, spec.series.length * 12 + 10);
    return Math.max(140, spec.categories.length * perCategory + legend + 48);
  }
  return (width < 480 ? 260 : 320) + legend;
}

/** Colour of each series: ordered scale, or distinct hues, neutral where asked. */
export function seriesColours(spec: ChartSpec, palette: ChartPalette): string[] {
  if (spec.scale === 'sequential') {
    const ordered = spec.series.filter((s) => !s.neutral).length;
    const steps = palette.sequential(ordered);
    let i = 0;
    return spec.series.map((s) => (s.neutral ? palette.neutral : (steps[i++] ?? palette.neutral)));
  }
  let i = 0;
  return spec.series.map((s) => (s.neutral ? palette.neutral : (palette.categorical[i++ % palette.categorical.length] ?? palette.neutral)));
}

export function chartOption(spec: ChartSpec, palette: ChartPalette, width: number, reducedMotion: boolean): Record<string, unknown> {
  const colours = seriesColours(spec, palette);
  const legendHeight = legendLines(spec.series, width) * LEGEND_LINE;
  const horizontal = spec.kind === 'bar' && spec.horizontal === true;
  const labelWidth = horizontal
    ? Math.round(Math.min(240, Math.max(80, width * 0.38)))
    : Math.max(40, Math.floor(width / Math.max(1, spec.categories.length)) - 12);
  // Room for the category labels (horizontal) or the value labels (vertical), set explicitly so nothing is cut off.
  const valueLabelWidth = Math.max(...[spec.min ?? 0, spec.max ?? 0, ...spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null))].map((v) => spec.format(v).length)) * 7 + 12;
  const showValues = spec.kind === 'bar' && horizontal && !spec.stacked && spec.series.length <= 2;
  const categoryAxis = {
    type: 'category',
    data: spec.categories,
    inverse: horizontal,
    axisTick: { alignWithLabel: true, lineStyle: { color: palette.axisLine } },
    axisLine: { lineStyle: { color: palette.axisLine } },
    axisLabel: { color: palette.text, width: labelWidth, overflow: horizontal ? 'truncate' : 'break', interval: 0, hideOverlap: !horizontal },
  };
  const valueAxis = {
    type: 'value',
    min: spec.min,
    max: spec.max,
    minInterval: spec.integer ? 1 : undefined,
    axisLabel: { color: palette.subtleText, formatter: (v: number) => spec.format(v), hideOverlap: true },
    splitLine: { lineStyle: { color: palette.gridLine } },
  };
  const series = spec.series.map((s, i) => {
    const colour = colours[i] ?? palette.neutral;
    const data = s.values.map((v) => (v === null || Number.isNaN(v) ? '-' : v));
    if (spec.kind === 'line') {
      return {
        type: 'line',
        name: s.name,
        data,
        connectNulls: false,
        symbol: LINE_SYMBOLS[i % LINE_SYMBOLS.length],
        symbolSize: 9,
        itemStyle: { color: colour },
        lineStyle: { color: colour, width: 2.5, type: LINE_TYPES[Math.floor(i / LINE_SYMBOLS.length) % LINE_TYPES.length] },
        emphasis: { focus: 'series' },
      };
    }
    return {
      type: 'bar',
      name: s.name,
      data,
      stack: spec.stacked ? 'total' : undefined,
      barMaxWidth: horizontal ? 22 : 36,
      itemStyle: {
        color: colour,
        borderColor: palette.background,
        borderWidth: spec.stacked ? 1 : 0,
        // Ordered steps alternate plain and patterned, so neighbours stand apart.
        decal: spec.scale === 'sequential' ? (s.neutral ? decal(3) : i % 2 === 1 ? decal(1) : undefined) : decal(i),
      },
      label: showValues
        ? { show: true, position: 'right', color: palette.text, formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? spec.format(p.value) : '') }
        : { show: false },
      emphasis: { focus: 'series' },
    };
  });
  return {
    animation: !reducedMotion,
    animationDuration: reducedMotion ? 0 : 400,
    animationDurationUpdate: reducedMotion ? 0 : 300,
    backgroundColor: 'transparent',
    textStyle: { color: palette.text, fontFamily: palette.fontFamily, fontSize: 13 },
    color: colours,
    legend:
      spec.series.length > 1
        ? {
            show: true,
            type: 'plain',
            top: 0,
            left: 0,
            right: 0,
            itemGap: 12,
            // Long names are cut to fit a phone (the table has them in full).
            textStyle: { color: palette.text, fontFamily: palette.fontFamily, width: legendTextWidth(width), overflow: 'truncate' },
            selectedMode: false,
          }
        : { show: false },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: spec.kind === 'bar' ? 'shadow' : 'line' },
      valueFormatter: (v: unknown) => (typeof v === 'number' ? spec.format(v) : '–'),
    },
    grid: {
      left: horizontal ? labelWidth + 12 : valueLabelWidth,
      right: showValues ? valueLabelWidth + 8 : 20,
      top: legendHeight + 12,
      bottom: horizontal ? 28 : 48,
      outerBoundsMode: 'none',
    },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series,
  };
}
