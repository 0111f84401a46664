import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  attendanceBody,
  attendanceResult,
  createSessionBody,
  itemSessionsParams,
  itemSessionsResponse,
  learningSession,
  registrationResult,
  sessionParams,
  sessionRegistrationsResponse,
  updateSessionBody,
} from '../../../../shared/api/learning-sessions.js';
import * as attendance from './attendance.service.js';
import * as registrations from './registrations.service.js';
import * as sessions from './sessions.service.js';

export function registerLearningSessionRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['learning-sessions'];
  const m = '/municipalities/:municipalityId/learning';

  r.get(`${m}/items/:itemId/sessions`, { schema: { tags, params: itemSessionsParams, response: { 200: itemSessionsResponse } } }, (req) =>
    sessions.listItemSessions(req.ctx, req.params.municipalityId, req.params.itemId),
  );
  r.post(`${m}/items/:itemId/sessions`, { schema: { tags, params: itemSessionsParams, body: createSessionBody, response: { 201: learningSession } } }, async (req, reply) =>
    reply.status(201).send(await sessions.createSession(req.ctx, req.params.municipalityId, req.params.itemId, req.body)),
  );
  r.patch(`${m}/sessions/:sessionId`, { schema: { tags, params: sessionParams, body: updateSessionBody, response: { 200: learningSession } } }, (req) =>
    sessions.updateSession(req.ctx, req.params.municipalityId, req.params.sessionId, req.body),
  );
  r.post(`${m}/sessions/:sessionId/cancel`, { schema: { tags, params: sessionParams, response: { 200: learningSession } } }, (req) =>
    sessions.cancelSession(req.ctx, req.params.municipalityId, req.params.sessionId),
  );
  r.post(`${m}/sessions/:sessionId/registration`, { schema: { tags, params: sessionParams, response: { 200: registrationResult } } }, (req) =>
    registrations.signUp(req.ctx, req.params.municipalityId, req.params.sessionId),
  );
  r.delete(`${m}/sessions/:sessionId/registration`, { schema: { tags, params: sessionParams, response: { 200: registrationResult } } }, (req) =>
    registrations.leave(req.ctx, req.params.municipalityId, req.params.sessionId),
  );
  r.get(`${m}/sessions/:sessionId/registrations`, { schema: { tags, params: sessionParams, response: { 200: sessionRegistrationsResponse } } }, (req) =>
    attendance.listRegistrations(req.ctx, req.params.municipalityId, req.params.sessionId),
  );
  r.put(`${m}/sessions/:sessionId/attendance`, { schema: { tags, params: sessionParams, body: attendanceBody, response: { 200: attendanceResult } } }, (req) =>
    attendance.markAttendance(req.ctx, req.params.municipalityId, req.params.sessionId, req.body),
  );
}
