import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { municipalityParams } from '../../../shared/api/common.js';
import { analystBenchmark, analystBenchmarkQuery, benchmarkQuery, municipalityBenchmark, sharingBody } from '../../../shared/api/results.js';
import * as benchmarks from './benchmarks.service.js';

export function registerBenchmarkRoutes(api: FastifyInstance): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ['benchmarks'];

  r.get('/municipalities/:municipalityId/benchmarks', { schema: { tags, params: municipalityParams, querystring: benchmarkQuery, response: { 200: municipalityBenchmark } } }, (req) =>
    benchmarks.municipalityBenchmark(req.ctx, req.params.municipalityId, req.query),
  );
  r.put('/municipalities/:municipalityId/benchmark-sharing', { schema: { tags, params: municipalityParams, body: sharingBody, response: { 200: sharingBody } } }, (req) =>
    benchmarks.setSharing(req.ctx, req.params.municipalityId, req.body.shareNationalBenchmarks),
  );
  r.get('/benchmarks', { schema: { tags, querystring: analystBenchmarkQuery, response: { 200: analystBenchmark } } }, (req) => benchmarks.analystBenchmark(req.ctx, req.query));
}
