import { AppError } from '../../../http/app-error.js';

/** xAPI's own status rules, expressed as the app's one error type. */
export const xapiError = {
  bad: (message: string, details?: unknown) => new AppError('VALIDATION', message, details),
  notFound: (what = 'The resource') => AppError.notFound(what),
  conflict: (message: string) => new AppError('CONFLICT', message),
  preconditionFailed: (message = 'The document has changed since the ETag you sent.') => new AppError('PRECONDITION_FAILED', message),
  preconditionRequired: (message = 'Send If-Match or If-None-Match to change an existing document.') => new AppError('PRECONDITION_REQUIRED', message),
  forbidden: (message: string) => AppError.forbidden(message),
  tooLarge: (message = 'The request is too large.') => new AppError('PAYLOAD_TOO_LARGE', message),
};
