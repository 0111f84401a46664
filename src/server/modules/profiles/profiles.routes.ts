import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { campaignParams } from '../../../shared/api/mapping.js';
import { competenceProfile, leaderRatingsBody, myProfiles, personParams, profileQuery, respondentList } from '../../../shared/api/results.js';
import * as profiles from './profiles.service.js';

export function registerProfileRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['profiles'];
  const campaign = '/municipalities/:municipalityId/campaigns/:campaignId';
  const person = `${campaign}/people/:personId`;

  r.get(`${campaign}/respondents`, { schema: { tags, params: campaignParams, response: { 200: respondentList } } }, (req) =>
    profiles.listRespondents(req.ctx, req.params.municipalityId, req.params.campaignId),
  );
  r.get(`${person}/profile`, { schema: { tags, params: personParams, querystring: profileQuery, response: { 200: competenceProfile } } }, (req) =>
    profiles.getProfile(req.ctx, req.params.municipalityId, req.params.campaignId, req.params.personId, req.query.lang),
  );
  r.put(`${person}/leader-ratings`, { schema: { tags, params: personParams, querystring: profileQuery, body: leaderRatingsBody, response: { 200: competenceProfile } } }, (req) =>
    profiles.rate(req.ctx, req.params.municipalityId, req.params.campaignId, req.params.personId, req.body, req.query.lang),
  );
  r.get('/me/competence-profiles', { schema: { tags, querystring: profileQuery, response: { 200: myProfiles } } }, (req) => profiles.myProfiles(req.ctx, req.query.lang));
}
