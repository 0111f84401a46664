import { parse as parseCsv } from 'csv-parse/sync';
import { COUNTRIES } from '../../../shared/domain.js';
import { RegistryParseError } from './registry.errors.js';

// Turns an uploaded file into untyped rows with their row numbers; validation
// of the values happens in registry.parse.ts, the same for every format.

export type RawRow = {
  /** What a person sees: the 1-based spreadsheet line for CSV, the 1-based array index for JSON. */
  row: number;
  country: unknown;
  code: unknown;
  name: unknown;
  population: unknown;
  region: unknown;
  /** Set when the row could not even be split into fields. */
  problem?: string;
};

export type RawFile = {
  rows: RawRow[];
  source: string | null;
  licence: string | null;
  /** The file's own `count`, when it states one, to catch truncated downloads. */
  declaredCount: number | null;
};

/** Far more than the ~750 municipalities of NO+SE+DK; protects the server from huge uploads. */
export const MAX_ROWS = 5000;

export function decodeText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0x50 && data[1] === 0x4b) {
    throw new RegistryParseError('This looks like an Excel workbook. Save it as CSV (UTF-8) and upload again.');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    // Excel on Norwegian/Swedish/Danish Windows saves "CSV" as Windows-1252;
    // decoding that as UTF-8 would turn æøå into replacement characters.
    return new TextDecoder('windows-1252').decode(data);
  }
}

export function looksLikeJson(fileName: string, text: string): boolean {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json')) return true;
  if (/\.(csv|tsv|txt)$/.test(lower)) return false;
  return /^\s*[[{]/.test(text);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function describeSources(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (!isRecord(value)) return null;
  const parts = Object.entries(value)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([what, from]) => `${what}: ${from}`);
  return parts.length > 0 ? parts.join('; ') : null;
}

export function readJson(text: string): RawFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new RegistryParseError(`The file is not valid JSON (${(error as Error).message}).`);
  }
  const top = isRecord(doc) ? doc : {};
  const list = Array.isArray(doc) ? doc : top.municipalities;
  if (!Array.isArray(list)) {
    throw new RegistryParseError('Expected a JSON list of municipalities, or an object with a "municipalities" list.');
  }
  if (list.length > MAX_ROWS) throw new RegistryParseError(`The file has more than ${MAX_ROWS} municipalities.`);
  const fileCountry = typeof top.country === 'string' ? top.country.trim().toUpperCase() : null;
  if (top.country !== undefined && !(COUNTRIES as readonly unknown[]).includes(fileCountry)) {
    throw new RegistryParseError(`The file's country "${String(top.country)}" must be one of ${COUNTRIES.join(', ')}.`);
  }
  const rows = list.map((item: unknown, index): RawRow => {
    const row = index + 1;
    if (!isRecord(item)) {
      return { row, country: null, code: null, name: null, population: null, region: null, problem: 'Each municipality must be a JSON object.' };
    }
    const own = typeof item.country === 'string' ? item.country.trim().toUpperCase() : null;
    if (own && fileCountry && own !== fileCountry) {
      return { row, country: null, code: null, name: null, population: null, region: null, problem: `The entry's country ${own} differs from the file's country ${fileCountry}.` };
    }
    return {
      row,
      country: item.country ?? fileCountry,
      code: item.code,
      name: item.name,
      population: item.population,
      // Norway and Sweden group municipalities by county (fylke/län), Denmark by region.
      region: item.region ?? item.county,
    };
  });
  return {
    rows,
    source: describeSources(top.sources ?? top.source),
    licence: typeof top.licence === 'string' ? top.licence : typeof top.license === 'string' ? top.license : null,
    declaredCount: typeof top.count === 'number' ? top.count : null,
  };
}

// Headers people are likely to type in a spreadsheet, in the three languages.
const HEADER_ALIASES: Record<string, keyof Omit<RawRow, 'row' | 'problem'>> = {
  country: 'country', land: 'country',
  code: 'code', kommunenummer: 'code', kommunnummer: 'code', kommunekode: 'code', kommunkod: 'code',
  name: 'name', navn: 'name', namn: 'name', kommunenavn: 'name', kommunnamn: 'name',
  population: 'population', folketall: 'population', innbyggere: 'population', befolkning: 'population', invånare: 'population', indbyggere: 'population',
  region: 'region', fylke: 'region', län: 'region', county: 'region',
};

/** Norwegian and Danish Excel write `;` because `,` is their decimal mark; UTF-16 exports use tabs. */
function detectDelimiter(headerLine: string): string {
  const counts = [';', ',', '\t'].map((d) => [d, headerLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

export function readCsv(text: string): RawFile {
  const body = text.replace(/^\uFEFF/, '');
  const headerLine = body.split(/\r?\n/, 1)[0] ?? '';
  // csv-parse's typings do not model `info: true`, which wraps each record.
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(body, {
      delimiter: detectDelimiter(headerLine),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw new RegistryParseError(`The CSV file could not be read (${(error as Error).message}).`);
  }
  const [header, ...data] = records;
  if (!header) throw new RegistryParseError('The file is empty.');
  if (data.length > MAX_ROWS) throw new RegistryParseError(`The file has more than ${MAX_ROWS} municipalities.`);

  const columns = header.record.map((h) => HEADER_ALIASES[h.trim().toLowerCase()] ?? null);
  const missing = (['country', 'code', 'name'] as const).filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new RegistryParseError(
      `The header row must name the columns country, code and name (optionally population and region); missing: ${missing.join(', ')}.`,
    );
  }
  const named = columns.filter((c) => c !== null);
  if (new Set(named).size !== named.length) throw new RegistryParseError('The header row names the same column twice.');

  const rows = data.map(({ record, info }): RawRow => {
    const raw: RawRow = { row: info.lines, country: null, code: null, name: null, population: null, region: null };
    // More fields than headers usually means an unquoted delimiter inside a name,
    // which shifts every later value into the wrong column.
    if (record.length > header.record.length) {
      return { ...raw, problem: `The row has ${record.length} fields but the header has ${header.record.length}; quote values that contain "${detectDelimiter(headerLine)}".` };
    }
    columns.forEach((column, i) => {
      if (column) raw[column] = record[i] ?? null;
    });
    return raw;
  });
  return { rows, source: null, licence: null, declaredCount: null };
}
