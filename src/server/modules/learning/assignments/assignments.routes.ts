import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignmentListQuery,
  assignmentParams,
  assignmentPeople,
  assignmentPeopleQuery,
  assignmentQuery,
  assignmentSchema,
  createAssignmentBody,
  myLearning,
  myLearningQuery,
  updateAssignmentBody,
} from '../../../../shared/api/assignments.js';
import { municipalityParams, okResponse } from '../../../../shared/api/common.js';
import * as assignments from './assignments.service.js';
import * as learner from './my-learning.service.js';

export function registerAssignmentRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['learning-assignments'];
  const base = '/municipalities/:municipalityId/learning/assignments';

  r.get(base, { schema: { tags, params: municipalityParams, querystring: assignmentListQuery, response: { 200: z.array(assignmentSchema) } } }, (req) =>
    assignments.listAssignments(req.ctx, req.params.municipalityId, {
      itemId: req.query.itemId,
      includeArchived: req.query.includeArchived === 'true',
      lang: req.query.lang,
    }),
  );
  r.post(base, { schema: { tags, params: municipalityParams, body: createAssignmentBody, response: { 201: assignmentSchema } } }, async (req, reply) =>
    reply.status(201).send(await assignments.createAssignment(req.ctx, req.params.municipalityId, req.body)),
  );
  r.get(`${base}/:assignmentId`, { schema: { tags, params: assignmentParams, querystring: assignmentQuery, response: { 200: assignmentSchema } } }, (req) =>
    assignments.getAssignment(req.ctx, req.params.municipalityId, req.params.assignmentId, req.query.lang),
  );
  r.patch(`${base}/:assignmentId`, { schema: { tags, params: assignmentParams, body: updateAssignmentBody, response: { 200: assignmentSchema } } }, (req) =>
    assignments.updateAssignment(req.ctx, req.params.municipalityId, req.params.assignmentId, req.body),
  );
  r.delete(`${base}/:assignmentId`, { schema: { tags, params: assignmentParams, response: { 200: okResponse } } }, async (req) => {
    await assignments.archiveAssignment(req.ctx, req.params.municipalityId, req.params.assignmentId);
    return { ok: true as const };
  });
  r.get(`${base}/:assignmentId/people`, { schema: { tags, params: assignmentParams, querystring: assignmentPeopleQuery, response: { 200: assignmentPeople } } }, (req) =>
    assignments.assignmentPeople(req.ctx, req.params.municipalityId, req.params.assignmentId, {
      overdue: req.query.overdue === undefined ? undefined : req.query.overdue === 'true',
      status: req.query.status,
    }),
  );

  r.get('/municipalities/:municipalityId/my-learning', { schema: { tags, params: municipalityParams, querystring: myLearningQuery, response: { 200: myLearning } } }, (req) =>
    learner.myLearning(req.ctx, req.params.municipalityId, req.query.lang),
  );
}
