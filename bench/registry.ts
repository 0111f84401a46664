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
  mapping: {
    description: 'Campaign results at national scale (400 municipalities, 400,000 employees): snapshot time, dashboard, trend and benchmark comparisons on PostgreSQL; the 5,000-employee dashboard on PGlite. --quick: small scenario, not written',
    load: () => import('./benchmarks/mapping.js'),
  },
};
