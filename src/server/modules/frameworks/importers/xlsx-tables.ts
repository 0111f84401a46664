import ExcelJS from 'exceljs';
import { FrameworkImportError } from './errors.js';
import { cleanText } from './shared.js';

// Generic reading of header-named tables from a workbook. Publishers reorder,
// rename and retitle sheets between releases, so tables are found by their
// column headers, never by sheet position or name.

/** A few MB of zip can inflate to gigabytes; refuse before exceljs holds it all in memory. */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;

export type CellValue = string | number | null;
export type TableRow = { row: number; get: (role: string) => CellValue };
export type Table = { sheet: string; headerRow: number; roles: Set<string>; rows: TableRow[]; above: string[] };

/** "Competence  Number:" → "competence number"; case, spacing and punctuation do not matter. */
export const normalizeHeader = (text: string) => cleanText(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const size = uncompressedZipSize(data);
  if (size === null) throw new FrameworkImportError('UNSUPPORTED_FILE', 'The file is not a readable Excel workbook (.xlsx).');
  if (size > MAX_XLSX_UNCOMPRESSED_BYTES) {
    throw new FrameworkImportError('INVALID_FRAMEWORK', 'The workbook is too large when unpacked; remove sheets that are not part of the framework.');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type that Node's Buffer does not match.
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw new FrameworkImportError('UNSUPPORTED_FILE', 'The file is not a readable Excel workbook (.xlsx).');
  }
  return workbook;
}

/** Sum of the sizes the zip's central directory declares; null when it is no zip. */
export function uncompressedZipSize(data: Buffer): number | null {
  const eocd = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > data.length) return null;
  const entries = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) return null;
    const size = data.readUInt32LE(at + 24);
    // 0xFFFFFFFF means a ZIP64 size we do not read; treat it as too large.
    total += size === 0xffffffff ? Infinity : size;
    at += 46 + data.readUInt16LE(at + 28) + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  return total;
}

/** The value a person sees: text, or a number kept as number (codes need codeText()). */
export function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return cellValue(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellValue(value.result as ExcelJS.CellValue);
  return null;
}

export type TableSpec = {
  /** normalized header text → role */
  aliases: Record<string, string>;
  /** Roles that must all be present for a row to count as this table's header. */
  required: string[];
  /** Roles left blank under a grouping (e.g. area number on the first competence only) and filled down. */
  fillDown?: string[];
};

/** How many rows above the header may hold titles, notes or logos. */
const HEADER_SEARCH_ROWS = 10;

/** All sheets holding a table with the required headers, in workbook order. */
export function findTables(workbook: ExcelJS.Workbook, spec: TableSpec): Table[] {
  const tables: Table[] = [];
  for (const sheet of workbook.worksheets) {
    for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
      const columns = new Map<string, number>();
      const row = sheet.getRow(r);
      row.eachCell((cell, column) => {
        const role = spec.aliases[normalizeHeader(String(cellValue(cell.value) ?? ''))];
        if (role && !columns.has(role)) columns.set(role, column);
      });
      if (!spec.required.every((role) => columns.has(role))) continue;
      tables.push(readTable(sheet, r, columns, spec.fillDown ?? []));
      break;
    }
  }
  return tables;
}

function readTable(sheet: ExcelJS.Worksheet, headerRow: number, columns: Map<string, number>, fillDown: string[]): Table {
  const above: string[] = [];
  for (let r = 1; r < headerRow; r++) {
    sheet.getRow(r).eachCell((cell) => {
      const text = cleanText(cellValue(cell.value));
      if (text) above.push(text);
    });
  }
  const rows: TableRow[] = [];
  const carried = new Map<string, CellValue>();
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const values = new Map<string, CellValue>();
    for (const [role, column] of columns) {
      const value = cellValue(sheet.getRow(r).getCell(column).value);
      if (value !== null && cleanText(value) !== '') values.set(role, value);
    }
    if (values.size === 0) continue;
    for (const role of fillDown) {
      if (values.has(role)) carried.set(role, values.get(role)!);
      else if (carried.has(role)) values.set(role, carried.get(role)!);
    }
    rows.push({ row: r, get: (role) => values.get(role) ?? null });
  }
  return { sheet: sheet.name, headerRow, roles: new Set(columns.keys()), rows, above };
}

/** Makes an alias table from role → header spellings. */
export function aliasesOf(spellings: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [role, list] of Object.entries(spellings)) for (const s of list) out[normalizeHeader(s)] = role;
  return out;
}
