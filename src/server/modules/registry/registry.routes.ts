import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registryEntrySchema, registryImportResult } from '../../../shared/api/tenancy.js';
import { COUNTRIES } from '../../../shared/domain.js';
import { AppError } from '../../http/app-error.js';
import * as registry from './registry.service.js';

export function registerRegistryRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['registry'];
  r.get(
    '/registry/municipalities',
    { schema: { tags, querystring: z.object({ country: z.enum(COUNTRIES).optional(), q: z.string().max(100).optional() }), response: { 200: z.array(registryEntrySchema) } } },
    (req) => registry.searchRegistry(req.ctx, req.query),
  );
  r.post('/registry/municipalities', { schema: { tags, consumes: ['multipart/form-data'], response: { 200: registryImportResult } } }, async (req) => {
    registry.assertCanManageRegistry(req.ctx);
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_FILE', 'Send the file as multipart/form-data in the field "file".');
    const file = await req.file();
    if (!file) throw AppError.validation('No file was uploaded.', { field: 'file' });
    return registry.importRegistry(req.ctx, file.filename, await file.toBuffer());
  });
}
