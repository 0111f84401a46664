import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { municipalityParams, okResponse } from '../../../shared/api/common.js';
import { copyRoleProfileBody, fromTemplateBody, roleProfileInput, roleProfileParams, roleProfileSchema, roleProfileTemplateSchema, updateRoleProfileBody } from '../../../shared/api/role-profiles.js';
import { requirePrincipal } from '../../http/context.js';
import * as profiles from './role-profiles.service.js';

export function registerRoleProfileRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['role-profiles'];
  const base = '/municipalities/:municipalityId/role-profiles';

  r.get('/role-profile-templates', { schema: { tags, response: { 200: z.array(roleProfileTemplateSchema) } } }, async (req) => {
    requirePrincipal(req.ctx);
    return profiles.listTemplates();
  });
  r.get(base, { schema: { tags, params: municipalityParams, response: { 200: z.array(roleProfileSchema) } } }, (req) => profiles.listProfiles(req.ctx, req.params.municipalityId));
  r.post(base, { schema: { tags, params: municipalityParams, body: roleProfileInput, response: { 201: roleProfileSchema } } }, async (req, reply) =>
    reply.status(201).send(await profiles.createProfile(req.ctx, req.params.municipalityId, req.body)),
  );
  r.post(`${base}/from-template`, { schema: { tags, params: municipalityParams, body: fromTemplateBody, response: { 201: roleProfileSchema } } }, async (req, reply) =>
    reply.status(201).send(await profiles.createFromTemplate(req.ctx, req.params.municipalityId, req.body)),
  );
  r.get(`${base}/:profileId`, { schema: { tags, params: roleProfileParams, response: { 200: roleProfileSchema } } }, (req) =>
    profiles.getProfile(req.ctx, req.params.municipalityId, req.params.profileId),
  );
  r.patch(`${base}/:profileId`, { schema: { tags, params: roleProfileParams, body: updateRoleProfileBody, response: { 200: roleProfileSchema } } }, (req) =>
    profiles.updateProfile(req.ctx, req.params.municipalityId, req.params.profileId, req.body),
  );
  r.delete(`${base}/:profileId`, { schema: { tags, params: roleProfileParams, response: { 200: okResponse } } }, async (req) => {
    await profiles.deleteProfile(req.ctx, req.params.municipalityId, req.params.profileId);
    return { ok: true as const };
  });
  r.post(`${base}/:profileId/copy`, { schema: { tags, params: roleProfileParams, body: copyRoleProfileBody, response: { 201: roleProfileSchema } } }, async (req, reply) =>
    reply.status(201).send(await profiles.copyProfile(req.ctx, req.params.municipalityId, req.params.profileId, req.body)),
  );
}
