import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditPage, auditQuery } from '../../../shared/api/audit.js';
import { municipalityParams } from '../../../shared/api/common.js';
import * as audit from './audit.service.js';

export function registerAuditRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];
  r.get('/municipalities/:municipalityId/audit-events', { schema: { tags, params: municipalityParams, querystring: auditQuery, response: { 200: auditPage } } }, (req) =>
    audit.listMunicipalityAudit(req.ctx, req.params.municipalityId, req.query),
  );
  r.get('/networks/:networkId/audit-events', { schema: { tags, params: z.object({ networkId: z.uuid() }), querystring: auditQuery, response: { 200: auditPage } } }, (req) =>
    audit.listNetworkAudit(req.ctx, req.params.networkId, req.query),
  );
}
