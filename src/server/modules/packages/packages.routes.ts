import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { municipalityParams, okResponse } from '../../../shared/api/common.js';
import {
  contentLinkSchema,
  packageDetailSchema,
  packageListSchema,
  packageParams,
  packageUploadParams,
  packageUploadSchema,
  packageVersionParams,
} from '../../../shared/api/packages.js';
import { AppError } from '../../http/app-error.js';
import * as uploads from './package-upload.service.js';
import * as packages from './packages.service.js';

export function registerPackageRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['packages'];
  const base = '/municipalities/:municipalityId/packages';

  r.post(
    `${base}/uploads`,
    {
      schema: {
        tags,
        summary: 'Upload a SCORM or cmi5 zip (multipart field "file"); poll the returned upload for its progress',
        params: municipalityParams,
        consumes: ['multipart/form-data'],
        response: { 202: packageUploadSchema },
      },
    },
    async (req, reply) => {
      uploads.assertCanManagePackages(req.ctx, req.params.municipalityId);
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_FILE', 'Send the package as multipart/form-data in the field "file".');
      const file = await req.file({ limits: { fileSize: req.ctx.config.packageLimits.maxUploadBytes, files: 1 } });
      if (!file) throw AppError.validation('No file was uploaded.', { field: 'file' });
      return reply.status(202).send(await uploads.receiveUpload(req.ctx, req.params.municipalityId, { fileName: file.filename, stream: file.file }));
    },
  );
  r.get(`${base}/uploads/:uploadId`, { schema: { tags, summary: 'The status of an upload: phase, percent, files unpacked, why it was refused', params: packageUploadParams, response: { 200: packageUploadSchema } } }, (req) =>
    uploads.getUpload(req.ctx, req.params.municipalityId, req.params.uploadId),
  );
  r.get(base, { schema: { tags, summary: 'Packages with their versions, launchable items and activity ids', params: municipalityParams, response: { 200: packageListSchema } } }, (req) =>
    packages.listPackages(req.ctx, req.params.municipalityId),
  );
  r.get(`${base}/:packageId`, { schema: { tags, summary: 'One package with the parsed manifest of each version', params: packageParams, response: { 200: packageDetailSchema } } }, (req) =>
    packages.getPackage(req.ctx, req.params.municipalityId, req.params.packageId),
  );
  r.delete(`${base}/:packageId/versions/:packageVersionId`, { schema: { tags, summary: 'Delete a version (and the package with its last version)', params: packageVersionParams, response: { 200: okResponse } } }, async (req) => {
    await packages.deletePackageVersion(req.ctx, req.params.municipalityId, req.params.packageId, req.params.packageVersionId);
    return { ok: true as const };
  });
  r.get(
    `${base}/:packageId/versions/:packageVersionId/content-link`,
    { schema: { tags, summary: 'A signed, expiring link to the version\'s files on the content origin', params: packageVersionParams, response: { 200: contentLinkSchema } } },
    (req) => packages.contentLink(req.ctx, req.params.municipalityId, req.params.packageId, req.params.packageVersionId),
  );
}
