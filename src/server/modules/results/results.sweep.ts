import type { AppDeps } from '../../http/context.js';
import { campaignsAwaitingResults, computeCampaignResults } from './snapshot.js';

// Campaigns close by the clock as well as by hand. The sweep computes the
// results of every campaign past its close that has none, at start-up and then
// every minute, so that results and the benchmark pool do not wait for someone
// to open the results page (which would also compute them).

export async function computePendingResults(deps: Pick<AppDeps, 'db' | 'log'>): Promise<number> {
  let computed = 0;
  for (const c of await campaignsAwaitingResults(deps.db)) {
    try {
      if (await computeCampaignResults(deps.db, c.municipality_id, c.id)) computed++;
    } catch (err) {
      deps.log.error({ err, campaignId: c.id }, 'computing campaign results failed');
    }
  }
  return computed;
}

export function startResultsSweep(deps: Pick<AppDeps, 'db' | 'log' | 'jobs'>, intervalMs = 60_000): () => void {
  const run = () => deps.jobs.run('results-sweep', async () => void (await computePendingResults(deps)));
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
