import { describe, expect, it } from 'vitest';
import { contrast, ensureContrast, GRAPHIC_CONTRAST, parseColor, sequentialScale, toHex } from './chartColors';

const white = { r: 255, g: 255, b: 255 };
const black = { r: 0, g: 0, b: 0 };

describe('chart colours', () => {
  it('parses hex and rgb() colours', () => {
    expect(parseColor('#0062BA')).toEqual({ r: 0, g: 98, b: 186 });
    expect(parseColor('#fff')).toEqual(white);
    expect(parseColor('rgb(1, 2, 3)')).toEqual({ r: 1, g: 2, b: 3 });
    expect(parseColor('')).toBeNull();
  });

  it('computes WCAG contrast', () => {
    expect(contrast(white, black)).toBeCloseTo(21, 5);
    expect(contrast(white, white)).toBe(1);
  });

  it('darkens a colour that is too light on white, and lightens one on a dark background', () => {
    const pale = parseColor('#e5aa20');
    if (!pale) throw new Error('parse');
    expect(contrast(pale, white)).toBeLessThan(GRAPHIC_CONTRAST);
    expect(contrast(ensureContrast(pale, white), white)).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
    const dark = { r: 20, g: 30, b: 40 };
    expect(contrast(ensureContrast(dark, dark), dark)).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
  });

  it('makes ordered scales where every step stands out from the background', () => {
    const from = parseColor('#8fc1ee');
    const to = parseColor('#002c54');
    if (!from || !to) throw new Error('parse');
    const scale = sequentialScale(from, to, 8, white);
    expect(scale).toHaveLength(8);
    expect(new Set(scale).size).toBeGreaterThan(4);
    for (const c of scale) expect(contrast(parseColor(c) ?? white, white)).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
    expect(toHex(to)).toBe(scale[7]);
  });
});
