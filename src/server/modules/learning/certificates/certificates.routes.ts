import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  badgeResponse,
  badgeVerification,
  certificateBadgeQuery,
  certificateListQuery,
  certificateParams,
  certificatePdfQuery,
  certificateSchema,
  codeVerification,
  issuerKeySchema,
  issuerParams,
  issuerProfile,
  jwksSchema,
  revokeCertificateBody,
  verifyBadgeBody,
  verifyCodeParams,
} from '../../../../shared/api/certificates.js';
import { municipalityParams } from '../../../../shared/api/common.js';
import * as certificates from './certificates.service.js';
import * as issuerKeys from './issuer-keys.service.js';
import * as verification from './verification.service.js';

// Per address: a person checking a certificate makes a handful of calls; a
// script guessing codes is slowed to a crawl (and 80-bit codes defeat it anyway).
const publicLimit = { max: 30, timeWindow: '1 minute' };

export function registerCertificateRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['certificates'];
  const base = '/municipalities/:municipalityId/certificates';

  r.get(base, { schema: { tags, params: municipalityParams, querystring: certificateListQuery, response: { 200: z.array(certificateSchema) } } }, (req) =>
    certificates.listCertificates(req.ctx, req.params.municipalityId, req.query),
  );
  r.get(`${base}/:certificateId`, { schema: { tags, params: certificateParams, response: { 200: certificateSchema } } }, (req) =>
    certificates.getCertificate(req.ctx, req.params.municipalityId, req.params.certificateId),
  );
  r.get(
    `${base}/:certificateId/pdf`,
    { schema: { tags, params: certificateParams, querystring: certificatePdfQuery, description: 'The certificate as a PDF (A4 landscape), in its language or `lang`.', response: { 200: z.any() } } },
    async (req, reply) => {
      const { pdf, fileName } = await certificates.certificatePdf(req.ctx, req.params.municipalityId, req.params.certificateId, req.query.lang);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(pdf);
    },
  );
  r.get(
    `${base}/:certificateId/badge`,
    {
      schema: {
        tags,
        params: certificateParams,
        querystring: certificateBadgeQuery,
        description: 'The Open Badges 3.0 credential as a VC-JWT; `download=1` gives the .jwt file.',
        response: { 200: z.union([badgeResponse, z.string()]) },
      },
    },
    async (req, reply) => {
      const badge = await certificates.certificateBadge(req.ctx, req.params.municipalityId, req.params.certificateId);
      if (req.query.download === '1') {
        return reply.header('content-type', 'application/jwt').header('content-disposition', `attachment; filename="${badge.fileName}"`).header('cache-control', 'no-store').send(badge.jwt);
      }
      return { jwt: badge.jwt, credential: badge.credential };
    },
  );
  r.post(`${base}/:certificateId/revoke`, { schema: { tags, params: certificateParams, body: revokeCertificateBody, response: { 200: certificateSchema } } }, (req) =>
    certificates.revokeCertificate(req.ctx, req.params.municipalityId, req.params.certificateId, req.body.reason),
  );

  const keys = '/municipalities/:municipalityId/issuer-keys';
  r.get(keys, { schema: { tags, params: municipalityParams, response: { 200: z.array(issuerKeySchema) } } }, (req) => issuerKeys.listKeys(req.ctx, req.params.municipalityId));
  r.post(`${keys}/rotate`, { schema: { tags, params: municipalityParams, response: { 200: z.array(issuerKeySchema) } } }, (req) => issuerKeys.rotateKey(req.ctx, req.params.municipalityId));

  // Public: no session needed (an employer, an authority, a wallet checks here).
  const open = { security: [] as never[] };
  r.get('/verify/:code', { schema: { tags, ...open, params: verifyCodeParams, response: { 200: codeVerification } }, config: { rateLimit: publicLimit } }, (req) =>
    verification.verifyCode(req.ctx, req.params.code),
  );
  r.post('/verify/badge', { schema: { tags, ...open, body: verifyBadgeBody, response: { 200: badgeVerification } }, config: { rateLimit: publicLimit } }, (req) =>
    verification.verifyBadge(req.ctx, req.body.jwt),
  );
  r.get('/issuers/:municipalityId', { schema: { tags, ...open, params: issuerParams, response: { 200: issuerProfile } }, config: { rateLimit: publicLimit } }, (req) =>
    verification.issuerProfile(req.ctx, req.params.municipalityId),
  );
  r.get('/issuers/:municipalityId/jwks', { schema: { tags, ...open, params: issuerParams, response: { 200: jwksSchema } }, config: { rateLimit: publicLimit } }, (req) =>
    verification.issuerJwks(req.ctx, req.params.municipalityId),
  );
}
