// Turns an uploaded file into rows of trimmed text cells with the row numbers
// the user sees (Excel row / text-editor line). Knows nothing about employees.
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { FileError } from './people-import.schemas.js';
import { decodeText, detectDelimiter, uncompressedZipSize } from './people-import.sniff.js';

export type RawRow = { row: number; cells: string[] };

export type ReadResult =
  | { ok: true; format: 'csv' | 'xlsx'; rows: RawRow[] }
  | { ok: false; format: 'csv' | 'xlsx' | null; error: FileError };

/** A 10 MB zip can inflate to gigabytes; refuse before exceljs holds it all in memory. */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;

const TEXT_EXTENSIONS = new Set(['csv', 'txt', 'tsv']);

export function detectFormat(fileName: string, data: Buffer): 'csv' | 'xlsx' | null {
  const extension = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1] ?? '';
  // Content wins over the name: users rename .xlsx files to .csv surprisingly often.
  if (data.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return 'xlsx';
  if (!TEXT_EXTENSIONS.has(extension)) return null;
  // Old binary .xls (OLE2) or other binary content saved with a .csv name.
  if (data.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) return null;
  return 'csv';
}

export async function readSpreadsheet(fileName: string, data: Buffer): Promise<ReadResult> {
  const format = detectFormat(fileName, data);
  if (format === 'xlsx') return readXlsx(data);
  if (format === 'csv') return readCsv(data);
  return {
    ok: false,
    format: null,
    error: {
      code: 'UNSUPPORTED_FILE',
      message: 'The file must be an Excel workbook (.xlsx) or a CSV file (.csv or .txt).',
      details: { fileName },
    },
  };
}

/** Trim, unify odd spaces and Unicode form (macOS may send decomposed "å"). */
function cleanCell(text: string): string {
  return text
    .replace(/[\u200B\uFEFF]/g, '')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .trim()
    .normalize('NFC');
}

function toRawRow(row: number, cells: string[]): RawRow | null {
  const cleaned = cells.map(cleanCell);
  return cleaned.some((c) => c !== '') ? { row, cells: cleaned } : null;
}

function readCsv(data: Buffer): ReadResult {
  let text = decodeText(data);
  if (text.includes('\u0000')) {
    return {
      ok: false,
      format: null,
      error: { code: 'UNSUPPORTED_FILE', message: 'The file is not a text (CSV) file.' },
    };
  }
  // Line numbers are counted on "\n" only; old Mac "\r" endings become lines too.
  text = text.replace(/\r\n?/g, '\n');
  let line = 1;
  // Excel honours a first line "sep=;" naming the delimiter; so do we.
  let delimiter: string | null = null;
  const sep = /^sep=(.)\n/i.exec(text);
  if (sep) {
    delimiter = sep[1] ?? null;
    text = text.slice(sep[0].length);
    line = 2;
  }
  delimiter ??= detectDelimiter(text);

  let records: { record: string[]; raw: string }[];
  try {
    records = parseCsv(text, {
      delimiter,
      raw: true, // the raw text tells us how many lines a (multi-line) record spans
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as unknown as { record: string[]; raw: string }[];
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    return {
      ok: false,
      format: 'csv',
      error: {
        code: 'MALFORMED_FILE',
        message: 'The CSV file could not be read; check for a missing closing quote (").',
        details: { line: typeof lines === 'number' ? lines + line - 1 : undefined, reason: (error as Error).message },
      },
    };
  }

  const rows: RawRow[] = [];
  for (const { record, raw } of records) {
    const row = toRawRow(line, record);
    if (row) rows.push(row);
    line += raw.split('\n').length - 1;
  }
  return { ok: true, format: 'csv', rows };
}

async function readXlsx(data: Buffer): Promise<ReadResult> {
  const size = uncompressedZipSize(data);
  if (size === null) return notAWorkbook();
  if (size > MAX_XLSX_UNCOMPRESSED_BYTES) {
    return {
      ok: false,
      format: 'xlsx',
      error: {
        code: 'FILE_TOO_LARGE',
        message: 'The workbook is too large when unpacked; remove other sheets or split the file.',
        details: { maxUncompressedBytes: MAX_XLSX_UNCOMPRESSED_BYTES },
      },
    };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type that Node's Buffer does not match.
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    return notAWorkbook();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return notAWorkbook();

  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    const rawRow = toRawRow(rowNumber, Array.from(cells, (c) => c ?? ''));
    if (rawRow) rows.push(rawRow);
  });
  return { ok: true, format: 'xlsx', rows };
}

function notAWorkbook(): ReadResult {
  return {
    ok: false,
    format: 'xlsx',
    error: { code: 'UNSUPPORTED_FILE', message: 'The file is not a readable Excel workbook (.xlsx).' },
  };
}

/** The text a user sees for a cell; numbers keep full precision (percent cells are fractions). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return '';
}
