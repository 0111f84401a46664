import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { municipalityParams } from '../../../shared/api/common.js';
import { importParams, peopleImportSchema } from '../../../shared/api/people.js';
import { AppError } from '../../http/app-error.js';
import * as imports from './people-import.service.js';

export function registerPeopleImportRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];
  const base = '/municipalities/:municipalityId/people/imports';

  r.post(
    base,
    { schema: { tags, params: municipalityParams, consumes: ['multipart/form-data'], response: { 202: peopleImportSchema } } },
    async (req, reply) => {
      imports.assertCanImport(req.ctx, req.params.municipalityId);
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_FILE', 'Send the file as multipart/form-data in the field "file".');
      const file = await req.file();
      if (!file) throw AppError.validation('No file was uploaded.', { field: 'file' });
      const data = await file.toBuffer();
      return reply.status(202).send(await imports.startImport(req.ctx, req.params.municipalityId, { fileName: file.filename, data }));
    },
  );
  r.get(`${base}/:importId`, { schema: { tags, params: importParams, response: { 200: peopleImportSchema } } }, (req) =>
    imports.getImport(req.ctx, req.params.municipalityId, req.params.importId),
  );
  r.post(`${base}/:importId/commit`, { schema: { tags, params: importParams, response: { 202: peopleImportSchema } } }, async (req, reply) =>
    reply.status(202).send(await imports.commitImport(req.ctx, req.params.municipalityId, req.params.importId)),
  );
}
