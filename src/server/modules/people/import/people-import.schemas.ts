// Zod schemas for the result of parsing an employee import file. They live apart
// from the parser so the API layer (responses, OpenAPI) and the web can reuse
// them without pulling in exceljs/csv-parse.
import { z } from 'zod';
import { LANGUAGES, PROFESSIONS } from '../../../../shared/domain.js';

/** Fields an import file can provide, in the order errors are reported. */
export const EMPLOYEE_IMPORT_FIELDS = [
  'employeeNumber',
  'givenName',
  'familyName',
  'email',
  'phone',
  'profession',
  'positionPct',
  'unitRef',
  'preferredLanguage',
] as const;
export type EmployeeImportField = (typeof EMPLOYEE_IMPORT_FIELDS)[number];

export const REQUIRED_IMPORT_FIELDS = [
  'employeeNumber',
  'givenName',
  'familyName',
  'profession',
  'positionPct',
  'unitRef',
] as const satisfies readonly EmployeeImportField[];

/** Problems with one row; the row is left out of `rows`. The web translates by code. */
export const ROW_ERROR_CODES = [
  'REQUIRED',
  'TOO_LONG',
  'INVALID_EMAIL',
  'INVALID_PERCENT',
  'INVALID_LANGUAGE',
  'UNKNOWN_PROFESSION',
  'DUPLICATE_EMPLOYEE_NUMBER',
  'DUPLICATE_EMAIL',
  'UNKNOWN_UNIT',
  'AMBIGUOUS_UNIT',
] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];

/** Problems with the file as a whole; when present, `rows` and `errors` are empty. */
export const FILE_ERROR_CODES = [
  'UNSUPPORTED_FILE',
  'MALFORMED_FILE',
  'EMPTY_FILE',
  'MISSING_COLUMNS',
  'FILE_TOO_LARGE',
  'TOO_MANY_ROWS',
] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];

export const rowErrorSchema = z.object({
  /** 1-based row/line number as shown in Excel or a text editor (header is usually 1). */
  row: z.number().int().positive(),
  field: z.enum(EMPLOYEE_IMPORT_FIELDS).nullable(),
  code: z.enum(ROW_ERROR_CODES),
  message: z.string(),
  value: z.string().optional(),
});
export type RowError = z.infer<typeof rowErrorSchema>;

export const employeeRowSchema = z.object({
  row: z.number().int().positive(),
  employeeNumber: z.string().min(1),
  givenName: z.string().min(1),
  familyName: z.string().min(1),
  email: z.email().nullable(),
  phone: z.string().nullable(),
  profession: z.enum(PROFESSIONS),
  positionPct: z.number().gt(0).lte(100),
  unitRef: z.string().min(1),
  /** Set by resolveUnitRefs once the unit reference has been matched. */
  unitId: z.string().optional(),
  /** null when the file has no language column or the cell is empty; the caller picks a default. */
  preferredLanguage: z.enum(LANGUAGES).nullable(),
});
export type EmployeeRow = z.infer<typeof employeeRowSchema>;

export const fileErrorSchema = z.object({
  code: z.enum(FILE_ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});
export type FileError = z.infer<typeof fileErrorSchema>;

export const parsedEmployeeFileSchema = z.object({
  /** null only when the file could not be recognised (UNSUPPORTED_FILE). */
  format: z.enum(['csv', 'xlsx']).nullable(),
  /** field -> header text as found in the file. */
  columns: z.partialRecord(z.enum(EMPLOYEE_IMPORT_FIELDS), z.string()),
  ignoredColumns: z.array(z.string()),
  /** Only rows without errors. */
  rows: z.array(employeeRowSchema),
  errors: z.array(rowErrorSchema),
  /** Non-blank data rows in the file, valid or not. */
  totalRows: z.number().int().nonnegative(),
  fileErrors: z.array(fileErrorSchema),
});
export type ParsedEmployeeFile = z.infer<typeof parsedEmployeeFileSchema>;
