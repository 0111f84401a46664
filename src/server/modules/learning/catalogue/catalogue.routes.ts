import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { municipalityParams, okResponse } from '../../../../shared/api/common.js';
import { catalogueCompetences, catalogueItem, cataloguePage, catalogueQuery, createItemBody, itemParams, markDoneResponse, updateItemBody } from '../../../../shared/api/learning.js';
import { markDone } from './catalogue-done.service.js';
import * as catalogue from './catalogue.service.js';

export function registerCatalogueRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['learning'];
  const base = '/municipalities/:municipalityId/learning/items';

  r.get(base, { schema: { tags, params: municipalityParams, querystring: catalogueQuery, response: { 200: cataloguePage } } }, (req) =>
    catalogue.listCatalogue(req.ctx, req.params.municipalityId, req.query),
  );
  r.get('/municipalities/:municipalityId/learning/competences', { schema: { tags, params: municipalityParams, response: { 200: catalogueCompetences } } }, (req) =>
    catalogue.listCompetences(req.ctx, req.params.municipalityId),
  );
  r.post(base, { schema: { tags, params: municipalityParams, body: createItemBody, response: { 201: catalogueItem } } }, async (req, reply) =>
    reply.status(201).send(await catalogue.createItem(req.ctx, req.params.municipalityId, req.body)),
  );
  r.get(`${base}/:itemId`, { schema: { tags, params: itemParams, response: { 200: catalogueItem } } }, (req) => catalogue.getItem(req.ctx, req.params.municipalityId, req.params.itemId));
  r.patch(`${base}/:itemId`, { schema: { tags, params: itemParams, body: updateItemBody, response: { 200: catalogueItem } } }, (req) =>
    catalogue.updateItem(req.ctx, req.params.municipalityId, req.params.itemId, req.body),
  );
  r.delete(`${base}/:itemId`, { schema: { tags, params: itemParams, response: { 200: okResponse } } }, async (req) => {
    await catalogue.deleteItem(req.ctx, req.params.municipalityId, req.params.itemId);
    return { ok: true as const };
  });
  r.post(
    `${base}/:itemId/complete`,
    { schema: { tags, params: itemParams, description: 'The learner marks a film or an external link as done (409 NOT_SELF_COMPLETABLE for other kinds).', response: { 200: markDoneResponse } } },
    (req) => markDone(req.ctx, req.params.municipalityId, req.params.itemId),
  );
}
