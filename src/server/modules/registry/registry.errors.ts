/**
 * A file the registry parser cannot read at all (wrong format, broken JSON/CSV,
 * missing columns). Problems with single rows are returned as row errors
 * instead, so an administrator can fix them all in one go. Kept free of the
 * HTTP layer so the CLI can use the parser too; an import route should map it
 * to AppError('IMPORT_INVALID').
 */
export class RegistryParseError extends Error {
  readonly code = 'INVALID_FILE' as const;

  constructor(message: string) {
    super(message);
    this.name = 'RegistryParseError';
  }
}
