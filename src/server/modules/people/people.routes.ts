import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { municipalityParams, okResponse, paged } from '../../../shared/api/common.js';
import { createPersonBody, listPeopleQuery, personParams, personSchema, updatePersonBody } from '../../../shared/api/people.js';
import * as people from './people.service.js';

export function registerPeopleRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];
  const base = '/municipalities/:municipalityId/people';

  r.get(base, { schema: { tags, params: municipalityParams, querystring: listPeopleQuery, response: { 200: paged(personSchema) } } }, (req) =>
    people.listPeople(req.ctx, req.params.municipalityId, req.query),
  );
  r.post(base, { schema: { tags, params: municipalityParams, body: createPersonBody, response: { 201: personSchema } } }, async (req, reply) =>
    reply.status(201).send(await people.createPerson(req.ctx, req.params.municipalityId, req.body)),
  );
  r.get(`${base}/:personId`, { schema: { tags, params: personParams, response: { 200: personSchema } } }, (req) =>
    people.getPerson(req.ctx, req.params.municipalityId, req.params.personId),
  );
  r.patch(`${base}/:personId`, { schema: { tags, params: personParams, body: updatePersonBody, response: { 200: personSchema } } }, (req) =>
    people.updatePerson(req.ctx, req.params.municipalityId, req.params.personId, req.body),
  );
  r.delete(`${base}/:personId`, { schema: { tags, params: personParams, response: { 200: okResponse } } }, async (req) => {
    await people.deletePerson(req.ctx, req.params.municipalityId, req.params.personId);
    return { ok: true as const };
  });
}
