import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../shared/errors.js';
import { AppError } from './app-error.js';

// PostgreSQL SQLSTATEs that mean "your input conflicts with what is stored".
const PG_UNIQUE = '23505';
const PG_FOREIGN_KEY = '23503';
const PG_CHECK = '23514';

function body(code: ErrorBody['error']['code'], message: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

/** Maps every error to the one error shape; unexpected ones are logged and hidden. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError & { code?: string; constraint?: string }, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: [err.validationContext ?? 'body', ...String(v.instancePath ?? '').split('/').filter(Boolean)],
        message: v.message ?? 'invalid',
      }));
      return reply.status(400).send(body('VALIDATION', 'Some fields are missing or invalid.', { issues }));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause?.issues }, 'response did not match its schema');
      return reply.status(500).send(body('INTERNAL', 'Something went wrong on our side.'));
    }
    if (err.code === PG_UNIQUE) return reply.status(409).send(body('CONFLICT', 'This already exists.', { constraint: err.constraint }));
    if (err.code === PG_FOREIGN_KEY) return reply.status(409).send(body('CONFLICT', 'This refers to something that does not exist or is still in use.', { constraint: err.constraint }));
    if (err.code === PG_CHECK) return reply.status(400).send(body('VALIDATION', 'A value is out of range.', { constraint: err.constraint }));
    if (err.statusCode === 429) return reply.status(429).send(body('RATE_LIMITED', 'Too many requests. Wait a moment and try again.'));
    if (err.statusCode === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE') return reply.status(413).send(body('PAYLOAD_TOO_LARGE', 'The upload is too large.'));
    if (err.statusCode === 415) return reply.status(415).send(body('UNSUPPORTED_FILE', 'This content type is not supported.'));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(400).send(body('VALIDATION', err.message));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', 'Something went wrong on our side.'));
  });
}
