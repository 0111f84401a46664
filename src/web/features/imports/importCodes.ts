// Codes the server uses for import problems (see the people-import module);
// the labels live in the i18n files under imports.rowErrors / imports.fileErrors.
export const IMPORT_FIELDS = [
  'employeeNumber', 'givenName', 'familyName', 'email', 'phone', 'profession', 'positionPct', 'unitRef', 'preferredLanguage',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_FIELDS: ReadonlySet<ImportField> = new Set([
  'employeeNumber', 'givenName', 'familyName', 'profession', 'positionPct', 'unitRef',
]);

export const ROW_ERROR_CODES = [
  'REQUIRED', 'TOO_LONG', 'INVALID_EMAIL', 'INVALID_PERCENT', 'INVALID_LANGUAGE', 'UNKNOWN_PROFESSION',
  'DUPLICATE_EMPLOYEE_NUMBER', 'DUPLICATE_EMAIL', 'UNKNOWN_UNIT', 'AMBIGUOUS_UNIT',
] as const;
export const FILE_ERROR_CODES = [
  'UNSUPPORTED_FILE', 'MALFORMED_FILE', 'EMPTY_FILE', 'MISSING_COLUMNS', 'FILE_TOO_LARGE', 'TOO_MANY_ROWS',
  // Set by the server's import job rather than the parser.
  'PARSE_FAILED', 'COMMIT_FAILED',
] as const;

export function isImportField(value: string | null): value is ImportField {
  return value !== null && (IMPORT_FIELDS as readonly string[]).includes(value);
}
export function isRowErrorCode(value: string): value is (typeof ROW_ERROR_CODES)[number] {
  return (ROW_ERROR_CODES as readonly string[]).includes(value);
}
export function isFileErrorCode(value: string): value is (typeof FILE_ERROR_CODES)[number] {
  return (FILE_ERROR_CODES as readonly string[]).includes(value);
}

/** A header row the server always understands (its own field names). */
export function templateCsv(): string {
  return `${IMPORT_FIELDS.join(';')}\r\n`;
}
