import qrcode from 'qrcode-generator';

/** A QR code as one SVG path of unit squares, with its size in modules (quiet zone not included). */
export type QrPath = { size: number; d: string };

/**
 * Encodes text (a URL) as a QR code, error correction M, the smallest version
 * that fits. Each run of dark modules in a row becomes one `M x y hNv1h-Nz`
 * rectangle of a single path.
 */
export function qrPath(text: string): QrPath {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  const parts: string[] = [];
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; ) {
      if (!qr.isDark(row, col)) {
        col += 1;
        continue;
      }
      let run = 1;
      while (col + run < size && qr.isDark(row, col + run)) run += 1;
      parts.push(`M${col} ${row}h${run}v1h-${run}z`);
      col += run;
    }
  }
  return { size, d: parts.join('') };
}
