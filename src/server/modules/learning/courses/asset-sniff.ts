import type { AssetKind } from '../../../../shared/api/courses.js';

// What a file is, decided by its first bytes, never by its name or the
// browser's claim: the server stores and serves the type it found, with
// nosniff, so a file can only ever be shown as what it really is. SVG is
// refused outright: it is XML that may carry script.

export type Sniffed = { kind: AssetKind; contentType: string };
export type SniffRefusal = { refused: 'SVG_NOT_ALLOWED' | 'UNKNOWN_TYPE' };

/** How many leading bytes sniffAsset needs to see. */
export const SNIFF_BYTES = 512;

const startsWith = (b: Buffer, bytes: number[], at = 0) => bytes.every((x, i) => b[at + i] === x);
const ascii = (b: Buffer, text: string, at = 0) => b.subarray(at, at + text.length).toString('latin1') === text;

export function sniffAsset(head: Buffer): Sniffed | SniffRefusal {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', contentType: 'image/png' };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { kind: 'image', contentType: 'image/jpeg' };
  if (ascii(head, 'GIF87a') || ascii(head, 'GIF89a')) return { kind: 'image', contentType: 'image/gif' };
  if (ascii(head, 'RIFF') && ascii(head, 'WEBP', 8)) return { kind: 'image', contentType: 'image/webp' };
  // ISO base media (MP4): a box whose type at offset 4 is "ftyp".
  if (ascii(head, 'ftyp', 4)) return { kind: 'video', contentType: 'video/mp4' };
  // Matroska/WebM: the EBML magic number.
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return { kind: 'video', contentType: 'video/webm' };
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(text)) return { kind: 'captions', contentType: 'text/vtt' };
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE\s+svg[^>]*>\s*)?<svg[\s>]/i.test(text)) return { refused: 'SVG_NOT_ALLOWED' };
  return { refused: 'UNKNOWN_TYPE' };
}

/** Size caps per kind: pictures and captions are small; films get room but not without end. */
export const ASSET_MAX_BYTES: Record<AssetKind, number> = {
  image: 5 * 1024 * 1024,
  video: 200 * 1024 * 1024,
  captions: 512 * 1024,
};
export const ANY_ASSET_MAX_BYTES = Math.max(...Object.values(ASSET_MAX_BYTES));
