import { COUNTRIES, type Country } from '../../../shared/domain.js';
import { RegistryParseError } from './registry.errors.js';
import { decodeText, looksLikeJson, readCsv, readJson, type RawRow } from './registry.read.js';

export { RegistryParseError } from './registry.errors.js';

export type RegistryEntry = {
  country: Country;
  code: string;
  name: string;
  population: number | null;
  region: string | null;
};

export type RegistryErrorCode =
  | 'INVALID_ROW'
  | 'INVALID_COUNTRY'
  | 'INVALID_CODE'
  | 'MISSING_NAME'
  | 'INVALID_POPULATION'
  | 'DUPLICATE'
  | 'COUNT_MISMATCH';

/** `row` 0 means the file as a whole. */
export type RegistryRowError = { row: number; code: RegistryErrorCode; message: string };

export type RegistryParseResult = {
  entries: RegistryEntry[];
  errors: RegistryRowError[];
  source: string | null;
  licence: string | null;
};

/** Reference files are small; anything larger is almost certainly the wrong file. */
const MAX_BYTES = 5 * 1024 * 1024;

// Norway and Sweden use four digits (county + number). Denmark's official
// kommunekode has three digits, but DAWA and most lists write it with a leading
// zero, so both are accepted and stored as four digits.
const CODE_LENGTHS: Record<Country, readonly number[]> = { NO: [4], SE: [4], DK: [3, 4] };
const STORED_CODE_LENGTH = 4;

const isCountry = (v: string): v is Country => (COUNTRIES as readonly string[]).includes(v);

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

type Check<T> = { ok: true; value: T } | { ok: false; message: string };

function checkCode(country: Country, value: unknown): Check<string> {
  const code = text(value);
  const allowed = CODE_LENGTHS[country];
  if (!/^\d+$/.test(code)) return { ok: false, message: `Municipality code "${code}" must contain digits only.` };
  if (!allowed.includes(code.length)) {
    // Spreadsheets drop leading zeros (0301 → 301); say so instead of only "wrong length".
    const hint = code.length === 3 ? ' A leading zero may have been dropped by a spreadsheet; format the column as text.' : '';
    return { ok: false, message: `Municipality code "${code}" must have ${allowed.join(' or ')} digits for ${country}.${hint}` };
  }
  return { ok: true, value: code.padStart(STORED_CODE_LENGTH, '0') };
}

/** Accepts 12500, "12500", "12 500" (Norwegian style) and "12.500" / "12,500"; empty means unknown. */
function checkPopulation(value: unknown): Check<number | null> {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 0
      ? { ok: true, value }
      : { ok: false, message: `Population ${value} must be a whole number of at least 0.` };
  }
  const raw = text(value);
  if (raw === '' || raw === '-' || raw.toLowerCase() === 'null') return { ok: true, value: null };
  const compact = raw.replace(/[\s\u00a0\u202f]/g, '');
  // A population is never fractional, so a separator before exactly three
  // digits can only be a thousands separator.
  const digits = /^\d+$/.test(compact) ? compact : /^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/.test(compact) ? compact.replace(/[.,]/g, '') : null;
  const number = digits === null ? NaN : Number(digits);
  return Number.isSafeInteger(number)
    ? { ok: true, value: number }
    : { ok: false, message: `Population "${raw}" must be a whole number of at least 0, or empty if unknown.` };
}

function validateRow(raw: RawRow): { entry: RegistryEntry | null; errors: RegistryRowError[] } {
  const errors: RegistryRowError[] = [];
  const fail = (code: RegistryErrorCode, message: string) => errors.push({ row: raw.row, code, message });
  if (raw.problem) {
    fail('INVALID_ROW', raw.problem);
    return { entry: null, errors };
  }

  const countryText = text(raw.country).toUpperCase();
  const country = isCountry(countryText) ? countryText : null;
  if (!country) fail('INVALID_COUNTRY', `Country "${countryText}" must be one of ${COUNTRIES.join(', ')}.`);

  const code = country ? checkCode(country, raw.code) : null;
  if (code && !code.ok) fail('INVALID_CODE', code.message);

  const name = text(raw.name);
  if (name === '') fail('MISSING_NAME', 'The municipality name is missing.');

  const population = checkPopulation(raw.population);
  if (!population.ok) fail('INVALID_POPULATION', population.message);

  if (errors.length > 0 || !country || !code?.ok || !population.ok) return { entry: null, errors };
  const region = text(raw.region);
  return { entry: { country, code: code.value, name, population: population.value, region: region || null }, errors };
}

/**
 * Reads an official municipality list (JSON as published in shared/data, or CSV
 * with the columns country, code, name, population, region). Unreadable files
 * throw RegistryParseError; invalid rows are reported and left out of `entries`.
 */
export function parseMunicipalityRegistry(fileName: string, data: Buffer): RegistryParseResult {
  if (data.length === 0) throw new RegistryParseError('The file is empty.');
  if (data.length > MAX_BYTES) throw new RegistryParseError('The file is larger than 5 MB; this is not a municipality list.');
  const content = decodeText(data);
  if (content.includes('\u0000')) throw new RegistryParseError('The file is not a text file (CSV or JSON).');

  const file = looksLikeJson(fileName, content) ? readJson(content) : readCsv(content);
  if (file.rows.length === 0) throw new RegistryParseError('The file contains no municipalities.');

  const entries: RegistryEntry[] = [];
  const errors: RegistryRowError[] = [];
  if (file.declaredCount !== null && file.declaredCount !== file.rows.length) {
    errors.push({
      row: 0,
      code: 'COUNT_MISMATCH',
      message: `The file says it has ${file.declaredCount} municipalities but lists ${file.rows.length}; it may be incomplete.`,
    });
  }

  const firstRowOf = new Map<string, number>();
  for (const raw of file.rows) {
    const result = validateRow(raw);
    errors.push(...result.errors);
    const entry = result.entry;
    if (!entry) continue;
    const key = `${entry.country}:${entry.code}`;
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      errors.push({ row: raw.row, code: 'DUPLICATE', message: `${entry.country} ${entry.code} is already listed in row ${first}.` });
      continue;
    }
    firstRowOf.set(key, raw.row);
    entries.push(entry);
  }
  return { entries, errors, source: file.source, licence: file.licence };
}
