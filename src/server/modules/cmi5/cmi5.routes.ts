import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import {
  cmi5CourseParams,
  cmi5CourseSchema,
  cmi5LaunchBody,
  cmi5LaunchSchema,
  cmi5RegistrationParams,
  cmi5RegistrationSchema,
  cmi5SessionParams,
  cmi5SessionSchema,
  cmi5WaiveBody,
} from '../../../shared/api/cmi5.js';
import { municipalityParams } from '../../../shared/api/common.js';
import { AppError } from '../../http/app-error.js';
import { authorizeCmi5Caller } from './cmi5-caller.js';
import { importCourse, type CourseUpload } from './cmi5-import.service.js';
import { launchAu } from './cmi5-launch.service.js';
import * as cmi5 from './cmi5.service.js';

const ZIP_TYPES = ['application/zip', 'application/x-zip-compressed', 'application/octet-stream'];
const XML_TYPES = ['application/xml', 'text/xml'];
/** Both ways in: the session of an administrator or competence advisor, or the municipality's LRS credential as HTTP Basic. */
const security: Record<string, string[]>[] = [{ session: [] }, { lrsBasic: [] }];
const tags = ['cmi5'];

const caller = (req: FastifyRequest, municipalityId: string) => authorizeCmi5Caller(req.ctx, req.headers.authorization, municipalityId);

async function courseUpload(req: FastifyRequest): Promise<CourseUpload> {
  if (req.isMultipart()) {
    const file = await req.file({ limits: { fileSize: req.ctx.config.packageLimits.maxUploadBytes, files: 1 } });
    if (!file) throw AppError.validation('No file was uploaded.', { field: 'file' });
    const xml = XML_TYPES.includes(file.mimetype) || /\.xml$/i.test(file.filename);
    return { fileName: file.filename, stream: file.file, format: xml ? 'xml' : 'zip' };
  }
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return { fileName: XML_TYPES.includes(type) ? 'cmi5.xml' : 'course.zip', stream: req.body as Readable, format: XML_TYPES.includes(type) ? 'xml' : 'zip' };
}

export function registerCmi5Routes(api: FastifyInstance): void {
  api.register(async (scope) => {
    // The import takes the package as the request body too (not only as a form field), streamed to disk.
    scope.addContentTypeParser([...ZIP_TYPES, ...XML_TYPES], (_req, payload, done) => done(null, payload));
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const base = '/municipalities/:municipalityId/cmi5';

    r.post(
      `${base}/courses`,
      {
        schema: {
          tags,
          security,
          summary: 'Import a cmi5 course and wait for the outcome',
          description:
            'The package as the request body (application/zip, or a bare cmi5.xml as text/xml or application/xml for AUs hosted elsewhere), or as the field "file" of multipart/form-data. Answers the course with its AUs in course-structure order, or 422 PACKAGE_INVALID with details.reason. Importing a course with the same course id again makes a new version.',
          params: municipalityParams,
          consumes: ['application/zip', 'application/xml', 'text/xml', 'multipart/form-data'],
          response: { 201: cmi5CourseSchema },
        },
      },
      async (req, reply) => {
        const actor = await caller(req, req.params.municipalityId);
        return reply.status(201).send(await importCourse(req.ctx, actor, req.params.municipalityId, await courseUpload(req)));
      },
    );
    r.get(`${base}/courses/:courseId`, { schema: { tags, security, summary: 'A course: its newest version, AUs (with the activity ids the LMS generated) and blocks', params: cmi5CourseParams, response: { 200: cmi5CourseSchema } } }, async (req) => {
      await caller(req, req.params.municipalityId);
      return cmi5.getCourse(req.ctx, req.params.municipalityId, req.params.courseId);
    });
    r.post(
      `${base}/courses/:courseId/launch-url`,
      {
        schema: {
          tags,
          security,
          summary: "An AU's launch URL for a learner",
          description:
            'Finds the registration (or creates it: with the given id, or a new one when none is given and the actor has none in the course), abandons its sessions that never terminated, writes LMS.LaunchData, records "launched" and answers the URL with endpoint, fetch, actor, registration and activityId. The URL is for one session; its fetch URL hands out the auth token once.',
          params: cmi5CourseParams,
          body: cmi5LaunchBody,
          response: { 201: cmi5LaunchSchema },
        },
      },
      async (req, reply) => {
        const actor = await caller(req, req.params.municipalityId);
        return reply.status(201).header('cache-control', 'no-store').send(await launchAu(req.ctx, actor, req.params.municipalityId, req.params.courseId, req.body));
      },
    );
    r.get(
      `${base}/registrations/:registrationId`,
      { schema: { tags, security, summary: "A registration's progress: each AU's completion, success, waiver and moveOn, satisfied blocks and course, sessions", params: cmi5RegistrationParams, response: { 200: cmi5RegistrationSchema } } },
      async (req) => {
        await caller(req, req.params.municipalityId);
        return cmi5.getRegistration(req.ctx, req.params.municipalityId, req.params.registrationId);
      },
    );
    r.post(
      `${base}/registrations/:registrationId/waive`,
      {
        schema: {
          tags,
          security,
          summary: 'Waive an AU for a registration',
          description: 'Records "waived" with the reason under a new session id, then "satisfied" for the blocks and course that this completes. 409 when the AU is already waived or already met its moveOn criteria.',
          params: cmi5RegistrationParams,
          body: cmi5WaiveBody,
          response: { 200: cmi5RegistrationSchema },
        },
      },
      async (req) => cmi5.waiveAu(req.ctx, await caller(req, req.params.municipalityId), req.params.municipalityId, req.params.registrationId, req.body),
    );
    r.post(
      `${base}/sessions/:sessionId/abandon`,
      {
        schema: {
          tags,
          security,
          summary: 'Abandon a session',
          description: 'Records "abandoned" for a session that has not terminated; its auth token stops working. 409 when the session has already ended.',
          params: cmi5SessionParams,
          response: { 200: cmi5SessionSchema },
        },
      },
      async (req) => cmi5.abandonSession(req.ctx, await caller(req, req.params.municipalityId), req.params.municipalityId, req.params.sessionId),
    );
  });
}
