import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { municipalityParams } from '../../../shared/api/common.js';
import { launchRequestSchema, launchResponseSchema, playerCourseListSchema } from '../../../shared/api/player.js';
import * as player from './player.service.js';

export function registerPlayerRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['player'];
  const base = '/municipalities/:municipalityId/player';

  r.get(`${base}/courses`, { schema: { tags, summary: 'The SCORM courses the signed-in learner can take, with their own latest attempt', params: municipalityParams, response: { 200: playerCourseListSchema } } }, (req) =>
    player.listCourses(req.ctx, req.params.municipalityId),
  );
  r.post(
    `${base}/launches`,
    {
      schema: {
        tags,
        summary: 'Continue (or start) the signed-in learner\'s attempt at a course; answers the player URL on the content origin',
        params: municipalityParams,
        body: launchRequestSchema,
        response: { 201: launchResponseSchema },
      },
    },
    async (req, reply) => reply.status(201).header('cache-control', 'no-store').send(await player.launch(req.ctx, req.params.municipalityId, req.body)),
  );
}
