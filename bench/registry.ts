import type { Figure } from './lib/results.js';

export type Benchmark = { run: () => Promise<Figure[]> };

/**
 * Every benchmark, by the name given to `npm run bench -- <name>`. Each entry
 * lazily imports `bench/benchmarks/<name>.ts`, which exports `run()`.
 */
export const BENCHMARKS: Record<string, { description: string; load: () => Promise<Benchmark> }> = {
  'api-baseline': {
    description: 'GET /api/v1/me and the people list (5,000 employees) on PGlite and PostgreSQL; event-loop stall during a slow PGlite query',
    load: () => import('./benchmarks/api-baseline.js'),
  },
};
