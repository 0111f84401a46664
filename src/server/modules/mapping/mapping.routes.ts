import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { municipalityParams } from '../../../shared/api/common.js';
import {
  assessmentParams,
  assessmentQuery,
  campaignInput,
  campaignParams,
  campaignProgress,
  campaignSchema,
  invitationCodesBody,
  invitationCodesResult,
  myAssessment,
  publishResult,
  questionnaire,
  remindersResult,
  saveAnswersBody,
  saveResult,
  submitBody,
  submitResult,
  updateCampaignBody,
} from '../../../shared/api/mapping.js';
import * as assessments from './assessments.service.js';
import * as campaigns from './campaigns.service.js';

// Answering is public (the path key is the authorisation), so it is rate limited
// per address and key: generous enough for autosaving as people go, on a shared
// device behind one address too. Guessing keys is held back separately, per
// address, in assessment-guard.ts.
const assessmentLimit = {
  max: 120,
  timeWindow: '1 minute',
  keyGenerator: (req: FastifyRequest) => `${req.ip}|${String((req.params as { token?: unknown } | undefined)?.token ?? '')}`,
};

export function registerMappingRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['mapping'];
  const base = '/municipalities/:municipalityId/campaigns';
  const item = `${base}/:campaignId`;

  r.get(base, { schema: { tags, params: municipalityParams, response: { 200: z.array(campaignSchema) } } }, (req) => campaigns.listCampaigns(req.ctx, req.params.municipalityId));
  r.post(base, { schema: { tags, params: municipalityParams, body: campaignInput, response: { 201: campaignSchema } } }, async (req, reply) =>
    reply.status(201).send(await campaigns.createCampaign(req.ctx, req.params.municipalityId, req.body)),
  );
  r.get(item, { schema: { tags, params: campaignParams, response: { 200: campaignSchema } } }, (req) =>
    campaigns.getCampaign(req.ctx, req.params.municipalityId, req.params.campaignId),
  );
  r.patch(item, { schema: { tags, params: campaignParams, body: updateCampaignBody, response: { 200: campaignSchema } } }, (req) =>
    campaigns.updateCampaign(req.ctx, req.params.municipalityId, req.params.campaignId, req.body),
  );
  r.post(`${item}/publish`, { schema: { tags, params: campaignParams, response: { 200: publishResult } } }, (req) =>
    campaigns.publishCampaign(req.ctx, req.params.municipalityId, req.params.campaignId),
  );
  r.post(`${item}/close`, { schema: { tags, params: campaignParams, response: { 200: campaignSchema } } }, (req) =>
    campaigns.closeCampaign(req.ctx, req.params.municipalityId, req.params.campaignId),
  );
  r.post(`${item}/reminders`, { schema: { tags, params: campaignParams, response: { 202: remindersResult } } }, async (req, reply) =>
    reply.status(202).send(await campaigns.sendReminders(req.ctx, req.params.municipalityId, req.params.campaignId)),
  );
  // POST, not GET: every call makes new codes and invalidates the unit's earlier ones.
  r.post(`${item}/invitation-codes`, { schema: { tags, params: campaignParams, body: invitationCodesBody, response: { 200: invitationCodesResult } } }, (req) =>
    campaigns.issueInvitationCodes(req.ctx, req.params.municipalityId, req.params.campaignId, req.body.unitId),
  );
  r.get(`${item}/progress`, { schema: { tags, params: campaignParams, response: { 200: campaignProgress } } }, (req) =>
    campaigns.campaignProgress(req.ctx, req.params.municipalityId, req.params.campaignId),
  );

  r.get('/me/assessments', { schema: { tags, response: { 200: z.array(myAssessment) } } }, (req) => assessments.myAssessments(req.ctx));

  const publicConfig = { rateLimit: assessmentLimit };
  r.get('/assessments/:token', { schema: { tags, params: assessmentParams, querystring: assessmentQuery, response: { 200: questionnaire } }, config: publicConfig }, (req) =>
    assessments.getQuestionnaire(req.ctx, req.params.token, req.query.lang),
  );
  r.put('/assessments/:token/answers', { schema: { tags, params: assessmentParams, body: saveAnswersBody, response: { 200: saveResult } }, config: publicConfig }, (req) =>
    assessments.saveAnswers(req.ctx, req.params.token, req.body),
  );
  r.post('/assessments/:token/submit', { schema: { tags, params: assessmentParams, body: submitBody, response: { 200: submitResult } }, config: publicConfig }, (req) =>
    assessments.submit(req.ctx, req.params.token, req.body),
  );
}
