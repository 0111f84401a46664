import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { itemParams } from '../../../../shared/api/learning.js';
import { learnerCmi5Launch, learnerCmi5LaunchBody, learnerCmi5View } from '../../../../shared/api/learning-launch.js';
import { getLearnerCmi5, launchLearnerCmi5 } from './cmi5-learner.service.js';

export function registerLearningLaunchRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['learning'];
  const base = '/municipalities/:municipalityId/learning/items/:itemId/cmi5';

  r.get(
    base,
    {
      schema: {
        tags,
        summary: "The caller's own view of a cmi5 item: the course, and each AU's state in their latest registration",
        description: 'For employees of the municipality (their own person). 409 NOT_CMI5 for items of another kind; drafts and archived items are not found.',
        params: itemParams,
        response: { 200: learnerCmi5View },
      },
    },
    (req) => getLearnerCmi5(req.ctx, req.params.municipalityId, req.params.itemId),
  );
  r.post(
    `${base}/launch`,
    {
      schema: {
        tags,
        summary: 'Launch an AU of a cmi5 item as oneself',
        description:
          'Launches the given AU, or the first one not yet satisfied (else the first), in the caller\'s latest registration of the course (or a new one), with a return URL to the item\'s page. The URL is for one session: open it at once.',
        params: itemParams,
        body: learnerCmi5LaunchBody,
        response: { 201: learnerCmi5Launch },
      },
    },
    async (req, reply) => reply.status(201).header('cache-control', 'no-store').send(await launchLearnerCmi5(req.ctx, req.params.municipalityId, req.params.itemId, req.body)),
  );
}
