import qrcode from 'qrcode-generator';
import { describe, expect, it } from 'vitest';
import { qrPath } from './qr';

/** Paints the path's rectangles back onto a grid. */
function raster(d: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
    const [x, y, run, back] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
    expect(back).toBe(run);
    for (let i = 0; i < run; i += 1) {
      const row = grid[y];
      if (!row) throw new Error('row out of range');
      expect(row[x + i]).toBe(false);
      row[x + i] = true;
    }
  }
  return grid;
}

describe('qrPath', () => {
  it('draws exactly the dark modules of the QR code', () => {
    const link = 'https://mestring.example/assess/ABCD-EFGH';
    const { size, d } = qrPath(link);
    const qr = qrcode(0, 'M');
    qr.addData(link);
    qr.make();
    expect(size).toBe(qr.getModuleCount());
    expect(d).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
    const grid = raster(d, size);
    for (let r = 0; r < size; r += 1) for (let c = 0; c < size; c += 1) expect(grid[r]?.[c]).toBe(qr.isDark(r, c));
  });

  it('has the finder pattern in the corner and grows with the text', () => {
    const small = qrPath('https://x.example/assess/ABCD-EFGH');
    expect(small.d.startsWith('M0 0h7v1h-7z')).toBe(true);
    expect(qrPath(`https://x.example/${'a'.repeat(200)}`).size).toBeGreaterThan(small.size);
  });
});
