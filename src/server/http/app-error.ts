import type { ErrorCode } from '../../shared/errors.js';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  CSRF_INVALID: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_FILE: 415,
  IMPORT_INVALID: 422,
  TOKEN_INVALID: 400,
  WEAK_PASSWORD: 400,
  PRECONDITION_FAILED: 412,
  PRECONDITION_REQUIRED: 428,
  PACKAGE_INVALID: 422,
  INTERNAL: 500,
};

/** The one error type: services throw it, the HTTP layer maps it to `{error:{code,message,details}}`. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = STATUS[code];
  }

  static notFound(entity: string): AppError {
    return new AppError('NOT_FOUND', `${entity} was not found.`);
  }
  static forbidden(message = 'You do not have permission to do this.'): AppError {
    return new AppError('FORBIDDEN', message);
  }
  static conflict(message: string, details?: unknown): AppError {
    return new AppError('CONFLICT', message, details);
  }
  static validation(message: string, details?: unknown): AppError {
    return new AppError('VALIDATION', message, details);
  }
}
