import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { municipalityParams } from '../../../shared/api/common.js';
import { campaignParams } from '../../../shared/api/mapping.js';
import { campaignResults, type CampaignResults, campaignTrend, resultsExportQuery, resultsQuery, trendQuery } from '../../../shared/api/results.js';
import { exportFileName, resultsCsv, resultsXlsx } from './results.export.js';
import { learningCatalogue } from '../learning/catalogue/catalogue-loop.js';
import * as results from './results.service.js';

export function registerResultsRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['results'];
  const item = '/municipalities/:municipalityId/campaigns/:campaignId/results';

  // The dashboard answer is large (every unit × competence); its type is checked
  // at compile time and by the web client, so it is sent as JSON directly rather
  // than validated against the schema again on every request (~10 ms for a
  // 5,000-employee municipality). The schema still documents it in OpenAPI.
  r.get(item, { schema: { tags, params: campaignParams, querystring: resultsQuery, response: { 200: campaignResults } } }, async (req, reply) => {
    const data: CampaignResults = await results.getResults(req.ctx, req.params.municipalityId, req.params.campaignId, req.query, learningCatalogue);
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(data) as never);
  });
  r.get(
    `${item}/export`,
    {
      schema: {
        tags,
        params: campaignParams,
        querystring: resultsExportQuery,
        description: 'The results as XLSX or CSV: the same k-anonymous rows as the results answer.',
        response: { 200: z.any() },
      },
    },
    async (req, reply) => {
      const { format, ...query } = req.query;
      const data = await results.getResults(req.ctx, req.params.municipalityId, req.params.campaignId, query, learningCatalogue);
      const body = format === 'xlsx' ? await resultsXlsx(data) : resultsCsv(data);
      return reply
        .header('content-type', format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${exportFileName(data, format)}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
  r.get('/municipalities/:municipalityId/results/trend', { schema: { tags, params: municipalityParams, querystring: trendQuery, response: { 200: campaignTrend } } }, (req) =>
    results.getTrend(req.ctx, req.params.municipalityId, req.query),
  );
}
