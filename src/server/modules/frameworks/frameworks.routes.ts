import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { frameworkImportResult, frameworkStatement, frameworkStatementsQuery, frameworkSummary, frameworkVersionDetail, versionParams } from '../../../shared/api/frameworks.js';
import { AppError } from '../../http/app-error.js';
import * as frameworks from './frameworks.service.js';

export function registerFrameworkRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['frameworks'];
  r.get('/frameworks', { schema: { tags, response: { 200: z.array(frameworkSummary) } } }, (req) => frameworks.listFrameworks(req.ctx));
  r.get('/frameworks/versions/:versionId', { schema: { tags, params: versionParams, response: { 200: frameworkVersionDetail } } }, (req) =>
    frameworks.getFrameworkVersion(req.ctx, req.params.versionId),
  );
  r.get(
    '/frameworks/versions/:versionId/statements',
    { schema: { tags, params: versionParams, querystring: frameworkStatementsQuery, response: { 200: z.array(frameworkStatement) } } },
    (req) => frameworks.listStatements(req.ctx, req.params.versionId, req.query),
  );
  r.post('/frameworks/imports', { schema: { tags, consumes: ['multipart/form-data'], response: { 200: frameworkImportResult } } }, async (req) => {
    frameworks.assertCanImportFramework(req.ctx);
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_FILE', 'Send the file as multipart/form-data in the field "file".');
    const file = await req.file();
    if (!file) throw AppError.validation('No file was uploaded.', { field: 'file' });
    return frameworks.importFramework(req.ctx, file.filename, await file.toBuffer());
  });
}
