import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { withTenant } from '../../../db/tenant.js';
import { recordLearning } from '../records/learning-records.js';

// Test plumbing for certificates: an item written straight into the table (the
// catalogue's API is another slice's), a completion through recordLearning
// (the real path that issues certificates), and a PDF read back as text.

export async function insertCertificateItem(db: Kysely<DB>, municipalityId: string, o: { titles?: Record<string, string>; certificateEnabled?: boolean; descriptions?: Record<string, string> } = {}) {
  const titles = o.titles ?? { nb: 'Smittevern i hjemmetjenesten', en: 'Infection control at home' };
  return db
    .insertInto('learning_items')
    .values({
      municipality_id: municipalityId,
      kind: 'link',
      status: 'published',
      titles: JSON.stringify(titles),
      descriptions: JSON.stringify(o.descriptions ?? {}),
      languages: Object.keys(titles),
      url: 'https://example.org/learn',
      certificate_enabled: o.certificateEnabled ?? true,
    })
    .returning(['id', 'municipality_id', 'certificate_enabled'])
    .executeTakeFirstOrThrow();
}

export async function completeItem(
  db: Kysely<DB>,
  municipalityId: string,
  personId: string,
  item: { id: string; municipality_id: string; certificate_enabled: boolean },
  o: { status?: 'completed' | 'passed'; scoreScaled?: number | null; at?: Date } = {},
) {
  return withTenant(db, municipalityId, (tx) =>
    recordLearning(tx, municipalityId, personId, { id: item.id, municipalityId: item.municipality_id, certificateEnabled: item.certificate_enabled }, {
      status: o.status ?? 'passed',
      at: o.at ?? new Date('2026-03-03T10:00:00Z'),
      source: 'manual',
      scoreScaled: o.scoreScaled ?? null,
    }),
  );
}

/** The text of every page, lines joined by "\n" (pdf.js, as a reader would extract it). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const fonts = createRequire(import.meta.url).resolve('pdfjs-dist/package.json').replace(/package\.json$/, 'standard_fonts/');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: fonts, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
  }
  await doc.destroy();
  return pages.join('\n');
}

/** Every `x y w h re` rectangle in the PDF's (deflated) content streams. */
export function pdfRectangles(pdf: Buffer): { x: number; y: number; w: number; h: number }[] {
  const rects: { x: number; y: number; w: number; h: number }[] = [];
  const raw = pdf.toString('latin1');
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = raw.indexOf('endstream', start);
    let body: string;
    try {
      body = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const r of body.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)) rects.push({ x: +r[1]!, y: +r[2]!, w: +r[3]!, h: +r[4]! });
  }
  return rects;
}
