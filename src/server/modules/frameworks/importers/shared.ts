import type { z } from 'zod';
import { LANGUAGES, type Language } from '../../../../shared/domain.js';
import { frameworkDocument, frameworkProblems, type FrameworkDocument, type LocalizedText } from '../framework.document.js';
import { FrameworkImportError, throwIfProblems, type FrameworkImportProblem } from './errors.js';

// Small helpers every importer needs: decoding, JSON, cleaning values, and the
// final validation against the one normalized shape.

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isLanguage = (v: string): v is Language => (LANGUAGES as readonly string[]).includes(v);

/** UTF-8 (with or without BOM), UTF-16LE with BOM, else Windows-1252 as Nordic Excel saves "CSV". */
export function decodeText(data: Buffer | string): string {
  if (typeof data === 'string') return data.replace(/^\uFEFF/, '');
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    // Decoding Windows-1252 as UTF-8 would turn æøå into replacement characters.
    return new TextDecoder('windows-1252').decode(data);
  }
}

export function parseJsonFile(data: Buffer | string, what: string): unknown {
  try {
    return JSON.parse(decodeText(data));
  } catch (error) {
    throw new FrameworkImportError('INVALID_FRAMEWORK', `The ${what} is not valid JSON (${(error as Error).message}).`, [
      { message: (error as Error).message },
    ]);
  }
}

/** Trimmed text with odd spaces unified and NFC form (macOS may send decomposed "å"); '' for nothing. */
export function cleanText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/[\u200B\uFEFF]/g, '')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .trim()
    .normalize('NFC');
}

/**
 * A competence/area number as text. Excel stores "1.1" as the float
 * 1.1000000000000001 and "2" as 2; twelve significant digits remove the binary
 * noise. A trailing zero ("1.10") cannot survive a float, so such codes must be
 * stored as text in the workbook.
 */
export function codeText(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(12))) : '';
  const text = cleanText(value);
  // Float noise written out as text by some exports ("1.1000000000000001", "3.0").
  if (/^\d+\.\d{8,}$/.test(text) || /^\d+\.0$/.test(text)) return String(Number(Number(text).toPrecision(12)));
  return text;
}

/** Text in one language, or undefined when empty, so optional fields stay absent. */
export function textIn(language: Language, value: unknown): LocalizedText | undefined {
  const text = cleanText(value);
  return text ? { [language]: text } : undefined;
}

/** Keeps only our languages with non-empty text, e.g. from DigComp 2.2's {en, nb: null, ...}. */
export function localizedFrom(value: unknown): LocalizedText | undefined {
  if (!isRecord(value)) return undefined;
  const out: LocalizedText = {};
  for (const [language, text] of Object.entries(value)) {
    const clean = cleanText(text);
    if (clean && isLanguage(language)) out[language] = clean;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The schema allows 2,000 characters for source/licence; long notes are shortened rather than rejected. */
export function capText(text: string | null | undefined, max = 2000): string | null {
  const clean = cleanText(text);
  if (!clean) return null;
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

export function zodProblems(error: z.ZodError, pathPrefix = ''): FrameworkImportProblem[] {
  return error.issues.map((issue) => {
    const path = [pathPrefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return { path, message: path ? `${path}: ${issue.message}` : issue.message };
  });
}

// frameworkProblems() returns sentences; point each at its list so the UI can group them.
const PROBLEM_LISTS: [RegExp, string][] = [
  [/^duplicate area/, 'areas'],
  [/^duplicate competence|^competence /, 'competences'],
  [/^duplicate statement|^statement /, 'statements'],
  [/^duplicate level/, 'levels'],
];

/**
 * Validates a candidate against the normalized schema and the structural
 * checks (references resolve, codes unique). Every importer ends here so that
 * what reaches the repository is always a valid FrameworkDocument.
 */
export function finishDocument(candidate: unknown, what: string): FrameworkDocument {
  const parsed = frameworkDocument.safeParse(candidate);
  if (!parsed.success) throwIfProblems(zodProblems(parsed.error), what);
  const doc = parsed.data as FrameworkDocument;
  const problems = frameworkProblems(doc).map((message) => {
    const path = PROBLEM_LISTS.find(([pattern]) => pattern.test(message))?.[1];
    return path ? { path, message } : { message };
  });
  throwIfProblems(problems, what);
  return doc;
}
