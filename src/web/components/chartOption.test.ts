import { describe, expect, it } from 'vitest';
import type { ChartPalette } from './chartColors';
import { chartHeight, chartOption, type ChartSpec, legendLines, seriesColours } from './chartOption';

const palette: ChartPalette = {
  fontFamily: 'sans-serif', background: '#ffffff', text: '#111111', subtleText: '#444444', gridLine: '#dddddd', axisLine: '#777777',
  categorical: ['#a00000', '#00a000', '#0000a0'], sequential: (n) => Array.from({ length: n }, (_, i) => `#00000${i}`), neutral: '#777777',
};

const spec: ChartSpec = {
  kind: 'bar', horizontal: true, stacked: true, scale: 'sequential',
  categories: ['A', 'B', 'C'],
  series: [{ name: '1', values: [1, 2, null] }, { name: '2', values: [3, 4, 5] }, { name: "Don't know", values: [0, 1, 0], neutral: true }],
  format: (v) => String(v),
};

describe('chartOption', () => {
  it('turns animation off when the user prefers reduced motion', () => {
    expect(chartOption(spec, palette, 600, true).animation).toBe(false);
    expect(chartOption(spec, palette, 600, false).animation).toBe(true);
  });

  it('gives ordered series steps of one scale and neutral series the neutral colour', () => {
    expect(seriesColours(spec, palette)).toEqual(['#000000', '#000001', '#777777']);
    expect(seriesColours({ ...spec, scale: 'categorical' }, palette)).toEqual(['#a00000', '#00a000', '#777777']);
  });

  it('draws missing figures as gaps, not zeros', () => {
    const option = chartOption(spec, palette, 600, true) as { series: { data: unknown[] }[] };
    expect(option.series[0]?.data).toEqual([1, 2, '-']);
  });

  it('puts categories down the side of horizontal bars and grows with them', () => {
    const option = chartOption(spec, palette, 600, true) as { yAxis: { type: string; data: string[] } };
    expect(option.yAxis.type).toBe('category');
    expect(option.yAxis.data).toEqual(['A', 'B', 'C']);
    const more = { ...spec, categories: Array.from({ length: 30 }, (_, i) => `C${i}`) };
    expect(chartHeight(more, 600)).toBeGreaterThan(chartHeight(spec, 600));
  });

  it('wraps the legend on narrow screens', () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ name: `Series number ${i}`, values: [] }));
    expect(legendLines(many, 320)).toBeGreaterThan(legendLines(many, 1200));
    expect(legendLines([{ name: 'one', values: [] }], 320)).toBe(0);
  });
});
