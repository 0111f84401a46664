/**
 * One problem found in an uploaded framework file. `row` is the line a person
 * sees in a text editor or Excel (CSV/XLSX); `path` points into JSON input or
 * into the normalized framework (e.g. "competences.3.name"). Either may be
 * missing for problems that concern the whole file.
 */
export type FrameworkImportProblem = {
  message: string;
  path?: string;
  row?: number;
  /** The worksheet, for XLSX files with several sheets. */
  sheet?: string;
};

export type FrameworkImportErrorCode =
  /** The file was recognised but its content is wrong or incomplete; `details` lists every problem. */
  | 'INVALID_FRAMEWORK'
  /** The file is not one of the formats we can import. */
  | 'UNSUPPORTED_FILE'
  /** A CSV file without the key/name/version/language that CSV cannot carry in its rows. */
  | 'MISSING_METADATA';

/**
 * Thrown by every framework importer. Free of the HTTP layer so that the CLI
 * and seeds can use the importers too; a route maps it to AppError('IMPORT_INVALID')
 * and passes `details` on, so an administrator can fix all problems in one go.
 */
export class FrameworkImportError extends Error {
  constructor(
    readonly code: FrameworkImportErrorCode,
    message: string,
    readonly details: FrameworkImportProblem[] = [],
  ) {
    super(message);
    this.name = 'FrameworkImportError';
  }
}

/** Throws INVALID_FRAMEWORK when there are problems; `what` names the file kind for the message. */
export function throwIfProblems(problems: FrameworkImportProblem[], what: string): void {
  if (problems.length === 0) return;
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  throw new FrameworkImportError('INVALID_FRAMEWORK', `The ${what} could not be imported: it has ${count}. See the list for details.`, problems);
}
