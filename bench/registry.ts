import type { Figure } from './lib/results.js';

/** `args`: what follows the name on the command line (e.g. `--quick`). */
export type Benchmark = { run: (args: string[]) => Promise<Figure[]> };

/**
 * Every benchmark, by the name given to `npm run bench -- <name>`. Each entry
 * lazily imports `bench/benchmarks/<name>.ts`, which exports `run()`.
 */
export const BENCHMARKS: Record<string, { description: string; load: () => Promise<Benchmark> }> = {
  'api-baseline': {
    description: 'GET /api/v1/me and the people list (5,000 employees) on PGlite and PostgreSQL; event-loop stall during a slow PGlite query',
    load: () => import('./benchmarks/api-baseline.js'),
  },
  learning: {
    description: "Learning at national scale (400 municipalities, 400,000 employees, 20M xAPI statements): 'my learning' and the completion dashboard of a 5,000-employee municipality on PostgreSQL; the dashboard on PGlite. --quick: small scenario, not written",
    load: () => import('./benchmarks/learning.js'),
  },
  lrs: {
    description: 'xAPI statement ingest over HTTP (batches of 1, 10, 100) vs raw batched INSERT on PostgreSQL and PGlite; filtered GET /xapi/statements at 1M statements on PostgreSQL. --quick: short runs, 50k statements, not written',
    load: () => import('./benchmarks/lrs.js'),
  },
  mapping: {
    description: 'Campaign results at national scale (400 municipalities, 400,000 employees): snapshot time, dashboard, trend and benchmark comparisons on PostgreSQL; the 5,000-employee dashboard on PGlite. --quick: small scenario, not written',
    load: () => import('./benchmarks/mapping.js'),
  },
};
