import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createMunicipalGrantBody, createNetworkGrantBody, grantParams, networkGrantParams, personAccountBody, roleGrantSchema } from '../../../shared/api/access.js';
import { municipalityParams, okResponse } from '../../../shared/api/common.js';
import { personParams } from '../../../shared/api/people.js';
import * as access from './access.service.js';

export function registerAccessRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['access'];
  const networkParams = z.object({ networkId: z.uuid() });

  r.get('/municipalities/:municipalityId/role-grants', { schema: { tags, params: municipalityParams, response: { 200: z.array(roleGrantSchema) } } }, (req) =>
    access.listMunicipalGrants(req.ctx, req.params.municipalityId),
  );
  r.post(
    '/municipalities/:municipalityId/role-grants',
    { schema: { tags, params: municipalityParams, body: createMunicipalGrantBody, response: { 201: roleGrantSchema } } },
    async (req, reply) => reply.status(201).send(await access.createMunicipalGrant(req.ctx, req.params.municipalityId, req.body)),
  );
  r.delete('/municipalities/:municipalityId/role-grants/:grantId', { schema: { tags, params: grantParams, response: { 200: okResponse } } }, async (req) => {
    await access.deleteMunicipalGrant(req.ctx, req.params.municipalityId, req.params.grantId);
    return { ok: true as const };
  });

  r.get('/networks/:networkId/role-grants', { schema: { tags, params: networkParams, response: { 200: z.array(roleGrantSchema) } } }, (req) =>
    access.listNetworkGrants(req.ctx, req.params.networkId),
  );
  r.post(
    '/networks/:networkId/role-grants',
    { schema: { tags, params: networkParams, body: createNetworkGrantBody, response: { 201: roleGrantSchema } } },
    async (req, reply) => reply.status(201).send(await access.createNetworkGrant(req.ctx, req.params.networkId, req.body)),
  );
  r.delete('/networks/:networkId/role-grants/:grantId', { schema: { tags, params: networkGrantParams, response: { 200: okResponse } } }, async (req) => {
    await access.deleteNetworkGrant(req.ctx, req.params.networkId, req.params.grantId);
    return { ok: true as const };
  });

  r.post(
    '/municipalities/:municipalityId/people/:personId/account',
    { schema: { tags, params: personParams, body: personAccountBody.optional(), response: { 200: okResponse } } },
    async (req) => {
      await access.createPersonAccount(req.ctx, req.params.municipalityId, req.params.personId, req.body?.email);
      return { ok: true as const };
    },
  );
}
