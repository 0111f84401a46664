// Entry point for reading an HR employee export (CSV or XLSX) into validated
// rows. Pure: no database, no I/O beyond the buffer it is given. Unit
// references are resolved afterwards with resolveUnitRefs.
//
// Conventions worth knowing when reading results:
// - row numbers are those the user sees (Excel row / text line, header usually 1);
// - a position percentage of at most 1 without "%" is a fraction (0,8 → 80),
//   see parsePositionPct;
// - `rows` holds only rows without errors; `fileErrors` non-empty means
//   nothing was validated.
import { fieldForHeader, mapHeaders } from './people-import.headers.js';
import { detectFormat, readSpreadsheet, type RawRow } from './people-import.read.js';
import { RowValidator } from './people-import.rows.js';
import {
  REQUIRED_IMPORT_FIELDS,
  type EmployeeRow,
  type FileError,
  type ParsedEmployeeFile,
  type RowError,
} from './people-import.schemas.js';

export type { EmployeeRow, FileError, ParsedEmployeeFile, RowError } from './people-import.schemas.js';
export { applyUnitResolution, resolveUnitRefs, type ImportUnit } from './people-import.units.js';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
/** Rows between onProgress calls; also where we yield to the event loop so a big file does not stall the server. */
export const PROGRESS_EVERY = 500;
/** Rows above the header (report titles, export dates) are searched this far for the header row. */
const HEADER_SEARCH_ROWS = 10;

export type ParseEmployeeFileInput = {
  fileName: string;
  data: Buffer;
  onProgress?: (done: number, total: number) => void;
};

export async function parseEmployeeFile(input: ParseEmployeeFileInput): Promise<ParsedEmployeeFile> {
  const { fileName, data, onProgress } = input;
  if (data.length > MAX_IMPORT_BYTES) {
    return failed(detectFormat(fileName, data), {
      code: 'FILE_TOO_LARGE',
      message: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
      details: { maxBytes: MAX_IMPORT_BYTES, bytes: data.length },
    });
  }

  const read = await readSpreadsheet(fileName, data);
  if (!read.ok) return failed(read.format, read.error);

  const headerIndex = findHeaderRow(read.rows);
  const header = read.rows[headerIndex];
  if (!header) {
    return failed(read.format, { code: 'EMPTY_FILE', message: 'The file contains no header row and no employees.' });
  }
  const mapping = mapHeaders(header.cells);
  const base = { format: read.format, columns: mapping.columns, ignoredColumns: mapping.ignoredColumns };
  const dataRows = read.rows.slice(headerIndex + 1);

  const missing = REQUIRED_IMPORT_FIELDS.filter((field) => mapping.indexes[field] === undefined);
  if (missing.length > 0) {
    return {
      ...failed(read.format, {
        code: 'MISSING_COLUMNS',
        message: `Required columns are missing: ${missing.join(', ')}.`,
        details: { missing, headerRow: header.row, found: header.cells.filter((c) => c !== '') },
      }),
      ...base,
      totalRows: dataRows.length,
    };
  }
  if (dataRows.length > MAX_IMPORT_ROWS) {
    return {
      ...failed(read.format, {
        code: 'TOO_MANY_ROWS',
        message: `The file has ${dataRows.length} employees; at most ${MAX_IMPORT_ROWS} can be imported at once.`,
        details: { maxRows: MAX_IMPORT_ROWS, rows: dataRows.length },
      }),
      ...base,
      totalRows: dataRows.length,
    };
  }

  const validator = new RowValidator(mapping);
  const rows: EmployeeRow[] = [];
  const errors: RowError[] = [];
  const total = dataRows.length;
  for (let done = 0; done < total; ) {
    const chunkEnd = Math.min(done + PROGRESS_EVERY, total);
    for (; done < chunkEnd; done++) {
      const result = validator.validate(dataRows[done] as RawRow);
      if (result.employee) rows.push(result.employee);
      errors.push(...result.errors);
    }
    onProgress?.(done, total);
    if (done < total) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (total === 0) onProgress?.(0, 0);

  return { ...base, rows, errors, totalRows: total, fileErrors: [] };
}

/**
 * The header is the first of the leading non-blank rows with the most
 * recognised column names; normally row 1, but some HR reports put a title
 * and export date above it. Falls back to the first row so MISSING_COLUMNS
 * can show what was found.
 */
function findHeaderRow(rows: readonly RawRow[]): number {
  let best = 0;
  let bestCount = 0;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const count = new Set(row.cells.map(fieldForHeader).filter((f) => f !== null)).size;
    if (count > bestCount) {
      best = index;
      bestCount = count;
    }
  });
  return best;
}

function failed(format: 'csv' | 'xlsx' | null, error: FileError): ParsedEmployeeFile {
  return { format, columns: {}, ignoredColumns: [], rows: [], errors: [], totalRows: 0, fileErrors: [error] };
}
