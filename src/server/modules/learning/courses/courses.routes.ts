import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  assetParams,
  courseLanguageParams,
  courseLessonParams,
  courseOverview,
  courseParams,
  courseVersionList,
  draftResponse,
  learningAsset,
  learnView,
  openLessonResponse,
  publishResponse,
  quizAnswersBody,
  quizResult,
  restartCourseBody,
  saveDraftBody,
  startCourseBody,
} from '../../../../shared/api/courses.js';
import { AppError } from '../../../http/app-error.js';
import * as assets from './course-assets.service.js';
import * as authoring from './course-authoring.service.js';
import * as learner from './course-learner.service.js';

export function registerCourseRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['courses'];
  const item = '/municipalities/:municipalityId/learning/items/:itemId';
  const course = `${item}/course`;

  // ---- authoring ----
  r.get(course, { schema: { tags, summary: 'The course’s editions per language (authors)', params: courseParams, response: { 200: courseOverview } } }, (req) =>
    authoring.getCourse(req.ctx, req.params.municipalityId, req.params.itemId),
  );
  r.get(`${course}/:language/draft`, { schema: { tags, summary: 'The draft in one language (a blank one before the first save)', params: courseLanguageParams, response: { 200: draftResponse } } }, (req) =>
    authoring.getDraft(req.ctx, req.params.municipalityId, req.params.itemId, req.params.language),
  );
  r.put(
    `${course}/:language/draft`,
    { schema: { tags, summary: 'Save the draft; expectedUpdatedAt guards against overwriting another save (409 STALE)', params: courseLanguageParams, body: saveDraftBody, response: { 200: draftResponse } } },
    (req) => authoring.saveDraft(req.ctx, req.params.municipalityId, req.params.itemId, req.params.language, req.body),
  );
  r.post(
    `${course}/:language/publish`,
    { schema: { tags, summary: 'Publish the draft as the next version (400 with issue paths when it is not a complete course)', params: courseLanguageParams, response: { 201: publishResponse } } },
    async (req, reply) => reply.status(201).send(await authoring.publish(req.ctx, req.params.municipalityId, req.params.itemId, req.params.language)),
  );
  r.get(`${course}/:language/versions`, { schema: { tags, summary: 'Published versions in one language, newest first', params: courseLanguageParams, response: { 200: courseVersionList } } }, (req) =>
    authoring.listVersions(req.ctx, req.params.municipalityId, req.params.itemId, req.params.language),
  );

  // ---- assets ----
  r.post(
    `${item}/assets`,
    {
      schema: {
        tags,
        summary: 'Upload a picture (PNG, JPEG, WebP, GIF), a film (MP4, WebM) or captions (WebVTT) in the multipart field "file"',
        params: courseParams,
        consumes: ['multipart/form-data'],
        response: { 201: learningAsset },
      },
    },
    async (req, reply) => {
      const { municipalityId, itemId } = req.params;
      await assets.assertCanUpload(req.ctx, municipalityId, itemId);
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_FILE', 'Send the file as multipart/form-data in the field "file".');
      const file = await req.file({ limits: assets.uploadLimits() });
      if (!file) throw AppError.validation('No file was uploaded.', { field: 'file' });
      return reply.status(201).send(await assets.uploadAsset(req.ctx, municipalityId, itemId, { fileName: file.filename, stream: file.file }));
    },
  );
  r.get(
    '/municipalities/:municipalityId/learning/assets/:assetId',
    { schema: { tags, summary: 'A course asset’s bytes (byte ranges for films)', params: assetParams } },
    async (req, reply) => {
      const served = await assets.openAsset(req.ctx, req.params.municipalityId, req.params.assetId, req.headers.range);
      reply.header('x-content-type-options', 'nosniff').header('accept-ranges', 'bytes');
      if ('unsatisfiable' in served) {
        // HTTP wants 416 here, which no AppError code maps to; same error shape.
        return reply
          .status(416)
          .header('content-range', `bytes */${served.unsatisfiable}`)
          .send({ error: { code: 'VALIDATION', message: 'The requested range is outside the file.', details: { reason: 'RANGE_NOT_SATISFIABLE' } } });
      }
      reply
        .header('content-type', served.contentType)
        // Nothing in an asset may run, even if a browser were talked into rendering it as a document.
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(served.fileName)}`)
        .header('cache-control', 'private, max-age=86400')
        .header('last-modified', served.modified.toUTCString())
        .header('content-length', String(served.range ? served.range.end - served.range.start + 1 : served.size));
      if (served.range) reply.status(206).header('content-range', `bytes ${served.range.start}-${served.range.end}/${served.size}`);
      return reply.send(served.stream);
    },
  );

  // ---- learning ----
  r.get(`${course}/learn`, { schema: { tags, summary: 'The learner’s round: content without answers, progress, where to resume', params: courseParams, response: { 200: learnView } } }, (req) =>
    learner.learn(req.ctx, req.params.municipalityId, req.params.itemId),
  );
  r.post(`${course}/start`, { schema: { tags, summary: 'Start the course, or resume the round already begun', params: courseParams, body: startCourseBody, response: { 200: learnView } } }, (req) =>
    learner.start(req.ctx, req.params.municipalityId, req.params.itemId, req.body ?? {}),
  );
  r.post(`${course}/restart`, { schema: { tags, summary: 'Begin a new round on the latest version (progress starts over)', params: courseParams, body: restartCourseBody, response: { 200: learnView } } }, (req) =>
    learner.restart(req.ctx, req.params.municipalityId, req.params.itemId, req.body ?? {}),
  );
  r.post(`${course}/lessons/:lessonId/open`, { schema: { tags, summary: 'The learner opened a lesson: where they resume next time', params: courseLessonParams, response: { 200: openLessonResponse } } }, (req) =>
    learner.openLesson(req.ctx, req.params.municipalityId, req.params.itemId, req.params.lessonId),
  );
  r.post(
    `${course}/lessons/:lessonId/complete`,
    { schema: { tags, summary: 'Complete a lesson (409 QUIZ_NOT_PASSED until its quiz is passed)', params: courseLessonParams, response: { 200: learnView } } },
    (req) => learner.completeLesson(req.ctx, req.params.municipalityId, req.params.itemId, req.params.lessonId),
  );
  r.post(
    `${course}/lessons/:lessonId/quiz`,
    { schema: { tags, summary: 'Answer the lesson’s quiz; scored on the server', params: courseLessonParams, body: quizAnswersBody, response: { 200: quizResult } } },
    (req) => learner.answerQuiz(req.ctx, req.params.municipalityId, req.params.itemId, req.params.lessonId, req.body),
  );
}
