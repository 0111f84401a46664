import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { municipalityParams } from '../../../../shared/api/common.js';
import {
  completionQuery,
  completionReport,
  peopleQuery,
  peopleReport,
  personParams,
  personQuery,
  personReport,
  reportExportQuery,
  trendQuery,
  trendReport,
} from '../../../../shared/api/learning-reports.js';
import { learningReportXlsx, reportFileName } from './reports.export.js';
import * as reports from './reports.service.js';

export function registerLearningReportRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['learning-reports'];
  const base = '/municipalities/:municipalityId/learning/reports';

  r.get(`${base}/completion`, { schema: { tags, params: municipalityParams, querystring: completionQuery, response: { 200: completionReport } } }, (req) =>
    reports.getCompletion(req.ctx, req.params.municipalityId, req.query),
  );
  r.get(`${base}/trend`, { schema: { tags, params: municipalityParams, querystring: trendQuery, response: { 200: trendReport } } }, (req) =>
    reports.getTrend(req.ctx, req.params.municipalityId, req.query),
  );
  r.get(`${base}/people`, { schema: { tags, params: municipalityParams, querystring: peopleQuery, response: { 200: peopleReport } } }, (req) =>
    reports.getPeople(req.ctx, req.params.municipalityId, req.query),
  );
  r.get(`${base}/people/:personId`, { schema: { tags, params: personParams, querystring: personQuery, response: { 200: personReport } } }, (req) =>
    reports.getPerson(req.ctx, req.params.municipalityId, req.params.personId, req.query.lang),
  );
  r.get(
    `${base}/completion.xlsx`,
    { schema: { tags, params: municipalityParams, querystring: reportExportQuery, description: 'Per item, unit and person, and the monthly trend, as XLSX.', response: { 200: z.any() } } },
    async (req, reply) => {
      const data = await reports.getExportData(req.ctx, req.params.municipalityId, req.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${reportFileName(data)}"`)
        .header('cache-control', 'no-store')
        .send(await learningReportXlsx(data));
    },
  );
}
