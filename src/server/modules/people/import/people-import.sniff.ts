// Low-level guesses about file contents: text encoding, CSV delimiter and the
// unpacked size of a zip (xlsx) archive.

/**
 * Decodes CSV bytes. UTF-8 (with or without BOM) is tried strictly first;
 * bytes that are not valid UTF-8 are read as Windows-1252, which is what
 * Excel writes for "CSV (semicolon separated)" on Nordic Windows machines
 * (a superset of Latin-1 covering æøå/äö). Excel's "Unicode text" export is
 * UTF-16 with a BOM.
 */
export function decodeText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  try {
    // TextDecoder drops a leading UTF-8 BOM itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('windows-1252').decode(data);
  }
}

const DELIMITERS = [';', '\t', ','] as const;

/**
 * Picks the delimiter occurring most often (outside quotes) on any of the
 * first lines. Looking at several lines lets a title line above the header
 * not decide. Ties go to ";" then tab: Nordic Excel uses ";" because "," is
 * the decimal separator, so a comma count is the least trustworthy.
 */
export function detectDelimiter(text: string): string {
  const lines = text.split('\n', 50).filter((l) => l.trim() !== '').slice(0, 10);
  let best: string = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = Math.max(0, ...lines.map((line) => countOutsideQuotes(line, delimiter)));
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, char: string): number {
  let count = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === char && !quoted) count++;
  }
  return count;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_ENTRY_SIGNATURE = 0x02014b50;

/**
 * Sum of the uncompressed sizes declared in a zip's central directory, or
 * null if the central directory cannot be read. Zip64 archives count as
 * infinitely large: no genuine employee list needs one.
 */
export function uncompressedZipSize(data: Buffer): number | null {
  const lowest = Math.max(0, data.length - 22 - 0xffff);
  for (let eocd = data.length - 22; eocd >= lowest; eocd--) {
    if (data.readUInt32LE(eocd) !== EOCD_SIGNATURE) continue;
    const entries = data.readUInt16LE(eocd + 10);
    let offset = data.readUInt32LE(eocd + 16);
    if (entries === 0xffff || offset === 0xffffffff) return Number.POSITIVE_INFINITY;
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (offset + 46 > data.length || data.readUInt32LE(offset) !== CENTRAL_ENTRY_SIGNATURE) return null;
      const size = data.readUInt32LE(offset + 24);
      if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
      total += size;
      offset += 46 + data.readUInt16LE(offset + 28) + data.readUInt16LE(offset + 30) + data.readUInt16LE(offset + 32);
    }
    return total;
  }
  return null;
}
