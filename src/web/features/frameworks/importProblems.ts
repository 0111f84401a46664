import type { ApiError } from '../../api/client';

/** One problem in an uploaded framework file, as the server reports it. */
export type ImportProblem = { message: string; row?: number; sheet?: string; path?: string };

export const IMPORT_DETAIL_CODES = ['INVALID_FRAMEWORK', 'UNSUPPORTED_FILE', 'MISSING_METADATA'] as const;
export type ImportDetailCode = (typeof IMPORT_DETAIL_CODES)[number];

function isDetailCode(value: unknown): value is ImportDetailCode {
  return typeof value === 'string' && (IMPORT_DETAIL_CODES as readonly string[]).includes(value);
}

function toProblem(value: unknown): ImportProblem | null {
  // Consistency checks after parsing report plain strings; the importers report objects.
  if (typeof value === 'string') return value.trim() ? { message: value } : null;
  if (!value || typeof value !== 'object') return null;
  const { message, row, sheet, path } = value as Record<string, unknown>;
  if (typeof message !== 'string') return null;
  return {
    message,
    ...(typeof row === 'number' ? { row } : {}),
    ...(typeof sheet === 'string' && sheet ? { sheet } : {}),
    ...(typeof path === 'string' && path ? { path } : Array.isArray(path) ? { path: path.join('.') } : {}),
  };
}

/** The importer's code and problem list from an IMPORT_INVALID error (empty for other errors). */
export function importProblemsOf(error: ApiError): { code: ImportDetailCode | null; problems: ImportProblem[] } {
  const details = (error.details ?? {}) as { code?: unknown; problems?: unknown };
  const problems = Array.isArray(details.problems) ? details.problems.map(toProblem).filter((p): p is ImportProblem => p !== null) : [];
  return { code: isDetailCode(details.code) ? details.code : null, problems };
}
