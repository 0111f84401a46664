import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { municipalityParams, okResponse } from '../../../shared/api/common.js';
import {
  createMunicipalityBody,
  createNetworkBody,
  createUnitBody,
  municipalitySchema,
  networkSchema,
  unitParams,
  unitSchema,
  updateMunicipalityBody,
  updateNetworkBody,
  updateUnitBody,
} from '../../../shared/api/tenancy.js';
import * as tenancy from './tenancy.service.js';

const networkParams = z.object({ networkId: z.uuid() });

export function registerTenancyRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['tenancy'];

  r.get('/networks', { schema: { tags, response: { 200: z.array(networkSchema) } } }, (req) => tenancy.listNetworks(req.ctx));
  r.post('/networks', { schema: { tags, body: createNetworkBody, response: { 201: networkSchema } } }, async (req, reply) =>
    reply.status(201).send(await tenancy.createNetwork(req.ctx, req.body)),
  );
  r.get(
    '/networks/:networkId',
    { schema: { tags, params: networkParams, response: { 200: networkSchema.extend({ municipalities: z.array(municipalitySchema) }) } } },
    (req) => tenancy.getNetwork(req.ctx, req.params.networkId),
  );
  r.patch('/networks/:networkId', { schema: { tags, params: networkParams, body: updateNetworkBody, response: { 200: networkSchema } } }, (req) =>
    tenancy.updateNetwork(req.ctx, req.params.networkId, req.body),
  );

  r.get('/municipalities', { schema: { tags, response: { 200: z.array(municipalitySchema) } } }, (req) => tenancy.listMunicipalities(req.ctx));
  r.post('/municipalities', { schema: { tags, body: createMunicipalityBody, response: { 201: municipalitySchema } } }, async (req, reply) =>
    reply.status(201).send(await tenancy.createMunicipality(req.ctx, req.body)),
  );
  r.get('/municipalities/:municipalityId', { schema: { tags, params: municipalityParams, response: { 200: municipalitySchema } } }, (req) =>
    tenancy.getMunicipality(req.ctx, req.params.municipalityId),
  );
  r.patch(
    '/municipalities/:municipalityId',
    { schema: { tags, params: municipalityParams, body: updateMunicipalityBody, response: { 200: municipalitySchema } } },
    (req) => tenancy.updateMunicipality(req.ctx, req.params.municipalityId, req.body),
  );

  r.get('/municipalities/:municipalityId/units', { schema: { tags, params: municipalityParams, response: { 200: z.array(unitSchema) } } }, (req) =>
    tenancy.listUnits(req.ctx, req.params.municipalityId),
  );
  r.post(
    '/municipalities/:municipalityId/units',
    { schema: { tags, params: municipalityParams, body: createUnitBody, response: { 201: unitSchema } } },
    async (req, reply) => reply.status(201).send(await tenancy.createUnit(req.ctx, req.params.municipalityId, req.body)),
  );
  r.patch(
    '/municipalities/:municipalityId/units/:unitId',
    { schema: { tags, params: unitParams, body: updateUnitBody, response: { 200: unitSchema } } },
    (req) => tenancy.updateUnit(req.ctx, req.params.municipalityId, req.params.unitId, req.body),
  );
  r.delete('/municipalities/:municipalityId/units/:unitId', { schema: { tags, params: unitParams, response: { 200: okResponse } } }, async (req) => {
    await tenancy.deleteUnit(req.ctx, req.params.municipalityId, req.params.unitId);
    return { ok: true as const };
  });
}
